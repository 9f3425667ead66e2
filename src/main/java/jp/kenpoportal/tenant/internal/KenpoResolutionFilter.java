package jp.kenpoportal.tenant.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kenpoportal.common.ConsoleHost;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Resolves the kenpo from the host name before sessions and security run. An unknown host
 * gets a plain "not found" page and never touches a session or another kenpo's pages. The
 * staff console's host passes with no current kenpo: staff choose theirs after signing in.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class KenpoResolutionFilter extends OncePerRequestFilter {

	/** Paths that serve every host: the embedded dev mailbox. */
	private static final String HOSTLESS_PREFIX = "/dev/";

	private final KenpoDirectory kenpos;

	private final ConsoleHost console;

	KenpoResolutionFilter(KenpoDirectory kenpos, ConsoleHost console) {
		this.kenpos = kenpos;
		this.console = console;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (console.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Kenpo> kenpo = kenpos.findByHost(request.getServerName());
		if (kenpo.isPresent() && kenpo.get().disabled()
				&& !request.getRequestURI().startsWith(request.getContextPath() + HOSTLESS_PREFIX)) {
			stopped(kenpo.get(), request, response);
		}
		else if (kenpo.isPresent()) {
			request.setAttribute(CurrentKenpo.ATTRIBUTE, kenpo.get());
			chain.doFilter(request, response);
		}
		else if (request.getRequestURI().startsWith(request.getContextPath() + HOSTLESS_PREFIX)) {
			chain.doFilter(request, response);
		}
		else {
			notFound(request, response);
		}
	}

	// Spring Security's header writers never see this answer (it runs before them): the same
	// headers as every other response, set by hand (ASVS V3.4)
	private static void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		securityHeaders(request, response);
		response.getOutputStream().write("""
				<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>ページが見つかりません</title></head>
				<body><h1>ページが見つかりません</h1><p>このアドレスで提供しているサービスはありません。URLをご確認ください。</p></body></html>
				""".getBytes(StandardCharsets.UTF_8));
	}

	/** A kenpo the operator stopped: no page of it, no session, but whom to ask. */
	private static void stopped(Kenpo kenpo, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		securityHeaders(request, response);
		String name = HtmlUtils.htmlEscape(kenpo.name());
		String contact = HtmlUtils.htmlEscape(kenpo.contactEmail())
				+ (kenpo.contactPhone() == null ? "" : "（電話 " + HtmlUtils.htmlEscape(kenpo.contactPhone()) + "）");
		response.getOutputStream().write(("""
				<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
				<title>ご利用いただけません - %1$s</title></head>
				<body><main><h1>%1$sのWebサービスは現在ご利用いただけません</h1>
				<p>このサービスは停止しています。ご用件は%1$sにお問い合わせください。</p>
				<p>お問い合わせ先：%2$s</p></main></body></html>
				""".formatted(name, contact)).getBytes(StandardCharsets.UTF_8));
	}

	private static void securityHeaders(HttpServletRequest request, HttpServletResponse response) {
		response.setContentType("text/html;charset=UTF-8");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "same-origin");
		response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
		String host = request.getServerName();
		if (request.isSecure() && !host.equals("localhost") && !host.endsWith(".localhost")) {
			response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
		}
	}
}
