package fr.pactecarto.api;

import java.util.List;
import java.util.Map;

/**
 * A client error with a stable code and the argument it is about. Thrown from controllers, it becomes a
 * GraphQL error whose {@code extensions} carry {@code code} and {@code argument} (see {@link ApiErrorResolver}),
 * never an HTTP 500.
 */
public class ApiException extends RuntimeException {

	private final ErrorCode code;

	private final String argument;

	private final Map<String, Object> details;

	public ApiException(ErrorCode code, String argument, String message) {
		this(code, argument, message, Map.of());
	}

	/** With more {@code extensions} than the code and the argument (the current state of a {@code CONFLICT}…). */
	public ApiException(ErrorCode code, String argument, String message, Map<String, Object> details) {
		super(message);
		this.code = code;
		this.argument = argument;
		this.details = Map.copyOf(details);
	}

	/** More entries of the error's {@code extensions}. */
	public Map<String, Object> details() {
		return this.details;
	}

	/** The errors this one stands for: itself, or each problem of an {@link InvalidInput}. */
	public List<ApiException> problems() {
		return List.of(this);
	}

	public ErrorCode code() {
		return this.code;
	}

	public String argument() {
		return this.argument;
	}

	public static ApiException invalid(String argument, String message) {
		return new ApiException(ErrorCode.INVALID_ARGUMENT, argument, message);
	}

}
