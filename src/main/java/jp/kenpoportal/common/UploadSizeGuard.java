package jp.kenpoportal.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a file upload larger than its page can take before anything reads it: the CSRF check
 * reads a form field, and that makes the servlet container take in (and spool to disk) the
 * whole request. Only the console's データ取込 takes core-system files of up to 2 GB; every other
 * upload (receipts of the flu subsidy) is far below {@link #OTHER_UPLOADS}, and its page checks
 * each file with a Japanese message. An upload without a length (chunked) is refused: its size
 * would show only once it had been read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class UploadSizeGuard extends OncePerRequestFilter {

	static final DataSize IMPORTS = DataSize.ofMegabytes(2200);

	static final DataSize OTHER_UPLOADS = DataSize.ofMegabytes(40);

	private final ConsoleHost console;

	UploadSizeGuard(ConsoleHost console) {
		this.console = console;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length < 0) {
			// chunked: its size shows only once read, and every browser sends a form's length
			lengthRequired(response);
			return;
		}
		if (length > limit(request).toBytes()) {
			tooLarge(response);
			return;
		}
		chain.doFilter(request, response);
	}

	private DataSize limit(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return console.matches(request) && (path.equals("/imports") || path.startsWith("/imports/")) ? IMPORTS
				: OTHER_UPLOADS;
	}

	/** Written here: the error page's dispatch would resolve the multipart request, reading it all. */
	private static void lengthRequired(HttpServletResponse response) throws IOException {
		response.setStatus(411);
		response.setContentType("text/plain;charset=UTF-8");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Connection", "close");
		response.getOutputStream().write("Content-Length が必要です。\n".getBytes(StandardCharsets.UTF_8));
	}

	private static void tooLarge(HttpServletResponse response) throws IOException {
		response.setStatus(413);
		response.setContentType("text/html;charset=UTF-8");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Connection", "close");
		response.getOutputStream().write("""
				<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
				<title>ファイルが大きすぎます</title></head>
				<body><main><h1>ファイルが大きすぎます</h1>
				<p>送信されたファイルの合計が、このページで受け付けられる大きさを超えています。ブラウザの「戻る」で前のページに戻り、小さいファイルを選んでください。</p></main></body></html>
				""".getBytes(StandardCharsets.UTF_8));
	}
}
