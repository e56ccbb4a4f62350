package fr.pactecarto.api;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.language.OperationDefinition;
import reactor.core.publisher.Mono;
import tools.jackson.databind.util.RawValue;

import fr.pactecarto.live.DataVersion;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;

/**
 * Answers a query the same as a moment ago from memory: the key is the document, the operation, the variables
 * and the version of the data ({@link DataVersion}); a change of the data, announced by PostgreSQL to every
 * instance, makes every older entry unreachable (and they are dropped). Only whole successes of queries are
 * kept (no errors, no mutation or subscription); nothing is cached while the version is unknown. Bounded by
 * the size of what it holds ({@code pacte.cache.max-bytes}). Answers are kept per principal: a signed-in
 * account never gets an answer computed for another one (nor for anonymous readers).
 */
@Component
class ResponseCache implements WebGraphQlInterceptor {

	/** {@code principal}: who asks ({@code null}: anonymous), as answers may differ by account ({@code viewer}…). */
	record Key(long version, String principal, String document, String operationName, Map<String, Object> variables) {
	}

	private final DataVersion version;

	private final DocumentCache documents;

	private final Cache<Key, ExecutionResult> results;

	private volatile long cachedVersion = DataVersion.UNKNOWN;

	ResponseCache(DataVersion version, DocumentCache documents,
			@Value("${pacte.cache.max-bytes:67108864}") long maxBytes) {
		this.version = version;
		this.documents = documents;
		this.results = Caffeine.newBuilder()
			.maximumWeight(maxBytes)
			.weigher((Key key, ExecutionResult result) -> (int) Math.min(Integer.MAX_VALUE,
					key.document().length() + weight(result.getData())))
			.build();
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter(Authentication::isAuthenticated)
			.map(authentication -> authentication.getName() + " " + authentication.getAuthorities())
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap(principal -> intercept(request, chain, principal.orElse(null)));
	}

	private Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain, String principal) {
		long current = this.version.current();
		if (current == DataVersion.UNKNOWN) {
			return chain.next(request);
		}
		if (current != this.cachedVersion) {
			// Entries of older versions can never be asked for again.
			this.results.invalidateAll();
			this.cachedVersion = current;
		}
		Key key = new Key(current, principal, request.getDocument(), request.getOperationName(), request.getVariables());
		ExecutionResult hit = this.results.getIfPresent(key);
		if (hit != null) {
			return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), hit)));
		}
		return chain.next(request).doOnNext(response -> {
			if (response.isValid() && response.getErrors().isEmpty() && this.version.current() == current
					&& isQuery(request)) {
				this.results.put(key, response.getExecutionResult());
			}
		});
	}

	// Asked once the document has been executed: the document cache holds it parsed.
	private boolean isQuery(WebGraphQlRequest request) {
		return this.documents.operation(request.getDocument(), request.getOperationName())
			.map(operation -> operation == OperationDefinition.Operation.QUERY)
			.orElse(false);
	}

	/** About how many characters the value takes once written as JSON. */
	private static long weight(Object value) {
		if (value instanceof Map<?, ?> map) {
			long sum = 2;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				sum += String.valueOf(entry.getKey()).length() + 4 + weight(entry.getValue());
			}
			return sum;
		}
		if (value instanceof Collection<?> list) {
			long sum = 2;
			for (Object item : list) {
				sum += 1 + weight(item);
			}
			return sum;
		}
		if (value instanceof RawValue raw) {
			return String.valueOf(raw.rawValue()).length();
		}
		return (value != null) ? String.valueOf(value).length() + 2 : 4;
	}

}
