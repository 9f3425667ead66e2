package jp.kenpoportal.browser;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/** Saves what every open tab shows to target/screenshots when a test fails, before the context closes. */
class ScreenshotOnFailure implements TestExecutionExceptionHandler {

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		if (context.getRequiredTestInstance() instanceof BrowserTestSupport test) {
			try {
				test.saveScreenshots(context.getRequiredTestClass().getSimpleName() + "."
						+ context.getRequiredTestMethod().getName());
			}
			catch (RuntimeException e) {
				failure.addSuppressed(e);
			}
		}
		throw failure;
	}
}
