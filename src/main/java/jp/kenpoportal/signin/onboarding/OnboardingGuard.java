package jp.kenpoportal.signin.onboarding;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.tenant.CurrentKenpo;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Only the first pending step can be shown or submitted: a member cannot skip ahead or go
 * back to a finished step. Also tells each step page where it stands in the list.
 */
@Configuration(proxyBeanMethods = false)
class OnboardingGuard implements WebMvcConfigurer {

	private final SignedInAccount signedIn;

	private final OnboardingSteps steps;

	OnboardingGuard(SignedInAccount signedIn, OnboardingSteps steps) {
		this.signedIn = signedIn;
		this.steps = steps;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new Interceptor())
			.addPathPatterns("/onboarding/**")
			.excludePathPatterns("/onboarding", "/onboarding/status");
	}

	private Optional<OnboardingStep> current(HttpServletRequest request) {
		return signedIn.find()
			.flatMap(account -> CurrentKenpo.of(request).flatMap(kenpo -> steps.firstPending(account, kenpo)));
	}

	private class Interceptor implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
				throws Exception {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			Optional<OnboardingStep> current = current(request);
			if (current.isPresent() && (path.equals(current.get().path())
					|| path.startsWith(current.get().path() + "/"))) {
				return true;
			}
			response.sendRedirect(request.getContextPath() + "/onboarding");
			return false;
		}

		@Override
		public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
				ModelAndView view) {
			if (view != null && view.hasView() && !view.getViewName().startsWith("redirect:")) {
				current(request).ifPresent(step -> {
					view.addObject("stepNumber", steps.positionOf(step));
					view.addObject("stepCount", steps.count());
				});
			}
		}
	}
}
