package fr.pactecarto.api;

/**
 * A client error with a stable code and the argument it is about. Thrown from controllers, it becomes a
 * GraphQL error whose {@code extensions} carry {@code code} and {@code argument} (see {@link ApiErrorResolver}),
 * never an HTTP 500.
 */
public class ApiException extends RuntimeException {

	private final ErrorCode code;

	private final String argument;

	public ApiException(ErrorCode code, String argument, String message) {
		super(message);
		this.code = code;
		this.argument = argument;
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
