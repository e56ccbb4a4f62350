package fr.pactecarto.web;

import java.util.Map;

import reactor.core.publisher.Mono;

import fr.pactecarto.api.ErrorCode;
import fr.pactecarto.api.ThrottledLog;
import fr.pactecarto.database.DatabaseFaults;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every error outside GraphQL execution (unknown path, wrong method or media type, unreadable body, a bug) is
 * answered as GraphQL-shaped JSON with a stable code and a plain message: no framework error page, no exception
 * class, no stack trace. A 5xx is logged in one line with the request id; the stack trace of a bug is logged too,
 * throttled.
 */
@Component
@Order(-2) // before Spring Boot's DefaultErrorWebExceptionHandler (-1)
class ErrorResponses implements ErrorWebExceptionHandler {

	private static final ThrottledLog log = new ThrottledLog(ErrorResponses.class, 5, 20);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		// The exchange here is the one before the filters: the id is the one RequestIds sent back.
		String id = exchange.getResponse().getHeaders().getFirst(RequestIds.HEADER);
		if (id == null) {
			id = exchange.getRequest().getId();
		}
		HttpStatusCode status;
		ErrorCode code;
		String message;
		if (ex instanceof DataBufferLimitException || isStatus(ex, HttpStatus.PAYLOAD_TOO_LARGE)) {
			status = HttpStatus.PAYLOAD_TOO_LARGE;
			code = ErrorCode.REQUEST_TOO_LARGE;
			message = "The request body is too large";
		}
		else if (ex instanceof ResponseStatusException response) {
			status = response.getStatusCode();
			code = (status.value() == 404) ? ErrorCode.NOT_FOUND
					: status.is4xxClientError() ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_ERROR;
			message = switch (status.value()) {
				case 404 -> "Not found";
				case 405 -> "Method not allowed here";
				case 406 -> "Cannot answer in the media type asked for (Accept)";
				case 415 -> "Unsupported media type: send application/json";
				default -> status.is4xxClientError() ? "The request cannot be read" : "Internal error (request id " + id + ")";
			};
			if (!response.getHeaders().isEmpty()) {
				exchange.getResponse().getHeaders().addAll(response.getHeaders());
			}
		}
		else if (ex instanceof InvalidMediaTypeException || ex instanceof InvalidMimeTypeException) {
			status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
			code = ErrorCode.BAD_REQUEST;
			message = "Unreadable media type (Content-Type or Accept)";
		}
		else if (ex instanceof DecodingException) {
			status = HttpStatus.BAD_REQUEST;
			code = ErrorCode.BAD_REQUEST;
			message = "The request body cannot be read";
		}
		else if (DatabaseFaults.isUnavailable(ex)) {
			status = HttpStatus.SERVICE_UNAVAILABLE;
			code = ErrorCode.DATABASE_UNAVAILABLE;
			message = "The database is unavailable: retry in a few seconds";
			exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "2");
		}
		else {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
			code = ErrorCode.INTERNAL_ERROR;
			message = "Internal error (request id " + id + ")";
		}
		String line = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath() + " request " + id + " failed: "
				+ status.value() + " " + code;
		if (code == ErrorCode.INTERNAL_ERROR) {
			log.error(line, ex);
		}
		else if (status.is5xxServerError()) {
			log.warn(line);
		}
		else {
			log.info(line);
		}
		return JsonErrors.write(exchange.getResponse(), HttpStatus.valueOf(status.value()), message, Map.of("code", code.name()));
	}

	private static boolean isStatus(Throwable ex, HttpStatus status) {
		return ex instanceof ResponseStatusException response && response.getStatusCode().value() == status.value();
	}

}
