package jp.kenpoportal.admin.web;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.common.ConsoleHost;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.condition.AbstractRequestCondition;
import org.springframework.web.servlet.mvc.condition.RequestCondition;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The console and the member pages share paths ({@code /}, {@code /login}, {@code /mfa}): each
 * portal controller answers on its own kind of host only, the console's controllers on the
 * console host and every other portal controller on kenpo hosts. Framework controllers (the
 * error page) answer everywhere.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleRequestMappings {

	private static final String PORTAL = "jp.kenpoportal.";

	private static final String CONSOLE = "jp.kenpoportal.admin.";

	@Bean
	WebMvcRegistrations consoleHostMappings(ConsoleHost console) {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new RequestMappingHandlerMapping() {
					// per method: a type condition applies only to classes with @RequestMapping of their own
					@Override
					protected RequestCondition<?> getCustomMethodCondition(Method method) {
						String name = method.getDeclaringClass().getName();
						if (!name.startsWith(PORTAL)) {
							return null;
						}
						return new HostCondition(console, name.startsWith(CONSOLE));
					}
				};
			}
		};
	}

	/** Matches requests to the console host, or to any other host. */
	static final class HostCondition extends AbstractRequestCondition<HostCondition> {

		private final ConsoleHost console;

		private final boolean consoleHost;

		HostCondition(ConsoleHost console, boolean consoleHost) {
			this.console = console;
			this.consoleHost = consoleHost;
		}

		@Override
		protected Collection<?> getContent() {
			return List.of(consoleHost ? "console host" : "kenpo host");
		}

		@Override
		protected String getToStringInfix() {
			return "";
		}

		@Override
		public HostCondition combine(HostCondition other) {
			return other;
		}

		@Override
		public HostCondition getMatchingCondition(HttpServletRequest request) {
			return console.matches(request) == consoleHost ? this : null;
		}

		@Override
		public int compareTo(HostCondition other, HttpServletRequest request) {
			return 0;
		}
	}
}
