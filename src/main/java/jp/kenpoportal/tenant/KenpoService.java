package jp.kenpoportal.tenant;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller as the pages of one service a kenpo may enable (a code in
 * {@link Kenpo#enabledServices()}). For a kenpo that has not enabled it, every page of the
 * controller answers 404, as if it did not exist.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface KenpoService {

	/** The service's code: {@code medical}, {@code benefit}, {@code qualification}, {@code flu}. */
	String value();
}
