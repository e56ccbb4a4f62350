package fr.pactecarto.api;

import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.language.OperationDefinition;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

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
 * kept (no errors, no mutation or subscription), as the JSON text of their data; nothing is cached while the
 * version is unknown. Bounded by the size of what it holds ({@code pacte.cache.max-bytes}). Answers are kept per principal: a signed-in
 * account never gets an answer computed for another one (nor for anonymous readers).
 */
@Component
class ResponseCache implements WebGraphQlInterceptor {

	/** {@code principal}: who asks ({@code null}: anonymous), as answers may differ by account ({@code viewer}…). */
	record Key(long version, String principal, String document, String operationName, Map<String, Object> variables) {
	}

	/**
	 * A whole success, its {@code data} written as JSON once, in UTF-8: a hit costs a copy of those bytes, and the
	 * cache holds one array per answer rather than a tree of maps the garbage collector has to walk. (Written as
	 * a {@code String}, a department's communes at zoom 12 took 2.8 MB of allocations for a 575 KB answer.)
	 */
	record Answer(JsonBytes data, Map<Object, Object> extensions) {

		ExecutionResult result() {
			return ExecutionResult.newExecutionResult().data(this.data.raw()).extensions(this.extensions).build();
		}

	}

	private final DataVersion version;

	private final DocumentCache documents;

	private final JsonMapper json;

	private final Cache<Key, Answer> results;

	private volatile long cachedVersion = DataVersion.UNKNOWN;

	// The largest answer kept: a 128th of the cache. Larger ones (a department's communes at zoom 10–12, 0.1–1.4 MB,
	// every pan a new box) evicted the small answers that do repeat, and lived just long enough to be promoted into
	// the old generation, where they set off full collections.
	private final long maxAnswerBytes;

	// 32 MB: the page's documents and thousands of partner answers; with 64 MB the service's RSS under 64
	// clients of cache-busting traffic was 412-427 MB against 370-375 MB, for the same throughput.
	ResponseCache(DataVersion version, DocumentCache documents, JsonMapper json,
			@Value("${pacte.cache.max-bytes:33554432}") long maxBytes) {
		this.version = version;
		this.documents = documents;
		this.json = json;
		this.maxAnswerBytes = maxBytes / 128;
		this.results = Caffeine.newBuilder()
			.maximumWeight(maxBytes)
			.weigher((Key key, Answer answer) -> (int) Math.min(Integer.MAX_VALUE,
					key.document().length() + (long) answer.data().utf8().length))
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
		Answer hit = this.results.getIfPresent(key);
		if (hit != null) {
			return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), hit.result())));
		}
		return chain.next(request).map(response -> {
			if (!response.isValid() || !response.getErrors().isEmpty() || !isQuery(request)) {
				return response;
			}
			if (estimatedBytes(response) > this.maxAnswerBytes) {
				// Not to be kept: left to the HTTP codec to write once (written here too, a department's 1 MB of
				// communes was copied twice more, a quarter of the bytes the service allocated under such boxes).
				return response;
			}
			ExecutionResult result = response.getExecutionResult();
			Answer answer = new Answer(new JsonBytes(this.json.writeValueAsBytes(result.getData())), result.getExtensions());
			if (this.version.current() == current && answer.data().utf8().length <= this.maxAnswerBytes) {
				this.results.put(key, answer);
			}
			// The bytes written once serve this answer too.
			return response.transform(builder -> builder.data(answer.data().raw()));
		});
	}

	// The answer's size as the request's budget counted it while fetching (ExecutionBudget), 0 when unknown.
	private static long estimatedBytes(WebGraphQlResponse response) {
		RequestBudget budget = response.getExecutionInput().getGraphQLContext().get(RequestBudget.KEY);
		return (budget != null) ? budget.bytes() : 0;
	}

	// Asked once the document has been executed: the document cache holds it parsed.
	private boolean isQuery(WebGraphQlRequest request) {
		return this.documents.operation(request.getDocument(), request.getOperationName())
			.map(operation -> operation == OperationDefinition.Operation.QUERY)
			.orElse(false);
	}

}
