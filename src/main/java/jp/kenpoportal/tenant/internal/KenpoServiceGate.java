package jp.kenpoportal.tenant.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.KenpoService;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Pages of a service the request's kenpo has not enabled are not found (see {@link KenpoService}). */
@Configuration(proxyBeanMethods = false)
class KenpoServiceGate implements WebMvcConfigurer, HandlerInterceptor {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method) {
			KenpoService service = method.getBeanType().getAnnotation(KenpoService.class);
			if (service != null && !enabled(request, service.value())) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
		}
		return true;
	}

	private static boolean enabled(HttpServletRequest request, String service) {
		return CurrentKenpo.of(request).map(kenpo -> kenpo.enabledServices().contains(service)).orElse(false);
	}
}
