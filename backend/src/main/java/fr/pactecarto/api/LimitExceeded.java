package fr.pactecarto.api;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.execution.AbortExecutionException;

/**
 * A request refused before execution: one GraphQL error whose {@code extensions} carry the stable {@code code}
 * and, for a limit, its name ({@code limit}) and value ({@code value}); for a bad argument, its name
 * ({@code argument}).
 */
final class LimitExceeded extends AbortExecutionException {

	private final ErrorCode code;

	private final Map<String, Object> extensions;

	LimitExceeded(ErrorCode code, String limit, Object value, String message) {
		super(message);
		this.code = code;
		this.extensions = extensions(code, limit, value);
	}

	private LimitExceeded(String argument, String message) {
		super(message);
		this.code = ErrorCode.INVALID_ARGUMENT;
		this.extensions = new LinkedHashMap<>();
		this.extensions.put("code", this.code.name());
		this.extensions.put("argument", argument);
	}

	/** The {@code extensions} of a refusal by a limit. */
	static Map<String, Object> extensions(ErrorCode code, String limit, Object value) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code.name());
		extensions.put("limit", limit);
		extensions.put("value", value);
		return extensions;
	}

	static LimitExceeded invalidArgument(String argument, String message) {
		return new LimitExceeded(argument, message);
	}

	ErrorCode code() {
		return this.code;
	}

	@Override
	public Map<String, Object> getExtensions() {
		return this.extensions;
	}

}
