package jp.kenpoportal.operations;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/** Boot's error attributes and the request ID, which the error page shows for a call to the kenpo. */
@Component
class RequestIdErrorAttributes extends DefaultErrorAttributes {

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest webRequest, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(webRequest, options);
		Object id = webRequest.getAttribute(RequestId.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (id != null) {
			attributes.put(RequestId.ATTRIBUTE, id);
		}
		return attributes;
	}

}
