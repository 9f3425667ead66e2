package jp.kenpoportal.common;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * HTTP parameter pollution (ASVS 5.0 15.3.7): a field sent twice, in the body twice or once in the
 * query and once in the body, is refused wherever one value is expected, never joined. Left alone,
 * Spring binds the values of a repeated parameter to a {@code String} field or {@code @RequestParam}
 * as one string joined by commas, so {@code symbols=-&symbols=_} would become the three symbols
 * {@code -,_}: a value no form sends that can still pass the field's check. With this converter, which
 * comes before Spring's array-to-string one, one value passes as it is and two or more fail the
 * binding: the request ends in the 400 error page and nothing is saved. Lists ({@code List<String>}
 * of checkboxes) take every value as before. Spring Security's own filters (sign-in, CSRF) read
 * {@code getParameter}, which is the first value: a defined single value as well.
 */
@Configuration(proxyBeanMethods = false)
class SingleValuedParameters implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(new OneValueOnly());
	}

	static final class OneValueOnly implements Converter<String[], String> {

		@Override
		public String convert(String[] values) {
			if (values.length > 1) {
				throw new IllegalArgumentException(values.length + " values where one is expected");
			}
			return values.length == 0 ? null : values[0];
		}
	}
}
