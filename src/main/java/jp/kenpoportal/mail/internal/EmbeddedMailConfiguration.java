package jp.kenpoportal.mail.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Properties;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * With no SMTP host configured, mail goes to a real SMTP server inside the portal, on
 * 127.0.0.1 and a free port, and the dev mailbox page shows what arrived.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
class EmbeddedMailConfiguration {

	@Bean(initMethod = "start", destroyMethod = "stop")
	GreenMail embeddedSmtpServer() throws IOException {
		ServerSetup smtp = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		return new GreenMail(smtp).withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
	}

	/** Takes {@code spring.mail.properties} (the SMTP timeouts among them) like Boot's own sender. */
	@Bean
	JavaMailSender embeddedMailSender(GreenMail server, Environment environment) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(server.getSmtp().getServerSetup().getPort());
		sender.setDefaultEncoding("UTF-8");
		Properties properties = new Properties();
		properties.putAll(Binder.get(environment)
			.bind("spring.mail.properties", Bindable.mapOf(String.class, String.class))
			.orElse(Map.of()));
		sender.setJavaMailProperties(properties);
		return sender;
	}

	/** A fixed port for the life of the server, so a stopped server restarts where senders expect it. */
	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}
}
