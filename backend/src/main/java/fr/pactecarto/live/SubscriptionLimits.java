package fr.pactecarto.live;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import fr.pactecarto.api.ErrorCode;
import fr.pactecarto.web.LiveConnections;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * At most {@code pacte.live.max-subscriptions-per-connection} subscriptions at once on one WebSocket
 * connection; one more is answered with the error {@code TOO_MANY_SUBSCRIPTIONS} and the others go on. A
 * subscription stops counting when it completes, fails or is cancelled by the client. Each connection counts
 * against its client's live connections ({@link LiveConnections}) from its {@code connection_init} to its
 * close; one too many is refused at its {@code connection_init} (a socket that never sends it is closed after
 * {@code spring.graphql.websocket.connection-init-timeout}).
 */
@Component
class SubscriptionLimits implements WebSocketGraphQlInterceptor {

	private final int maxPerConnection;

	private final Map<String, AtomicInteger> active = new ConcurrentHashMap<>();

	private final LiveConnections connections;

	// The sessions counted by LiveConnections (initialised), to release each exactly once when it closes.
	private final Map<String, InetSocketAddress> counted = new ConcurrentHashMap<>();

	SubscriptionLimits(@Value("${pacte.live.max-subscriptions-per-connection:20}") int maxPerConnection,
			LiveConnections connections) {
		this.maxPerConnection = maxPerConnection;
		this.connections = connections;
	}

	@Override
	public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
		if (!this.connections.open(info.getRemoteAddress())) {
			return Mono.error(new IllegalStateException("Too many live connections from this client: at most "
					+ this.connections.maxPerClient() + " at once (" + ErrorCode.TOO_MANY_CONNECTIONS + ")"));
		}
		this.counted.put(info.getId(), info.getRemoteAddress());
		return Mono.empty();
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request instanceof WebSocketGraphQlRequest webSocket)) {
			return chain.next(request);
		}
		String session = webSocket.getSessionInfo().getId();
		AtomicInteger count = this.active.computeIfAbsent(session, id -> new AtomicInteger());
		if (count.incrementAndGet() > this.maxPerConnection) {
			count.decrementAndGet();
			return Mono.just(refusal(request));
		}
		return chain.next(request).map(response -> counted(response, count)).doOnError(error -> count.decrementAndGet());
	}

	// The subscription's stream, counted until it ends; a query or a refusal over the socket is counted no more.
	private WebGraphQlResponse counted(WebGraphQlResponse response, AtomicInteger count) {
		Object data = response.getExecutionResult().getData();
		if (!(data instanceof Publisher<?> stream)) {
			count.decrementAndGet();
			return response;
		}
		Flux<?> followed = Flux.from(stream).doFinally(signal -> count.decrementAndGet());
		ExecutionResult result = ExecutionResult.newExecutionResult().from(response.getExecutionResult()).data(followed).build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(response.getExecutionInput(), result));
	}

	private WebGraphQlResponse refusal(WebGraphQlRequest request) {
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.addError(GraphqlErrorBuilder.newError()
				.message("Too many subscriptions on this connection: at most " + this.maxPerConnection + " at once")
				.extensions(Map.of("code", ErrorCode.TOO_MANY_SUBSCRIPTIONS.name(), "limit", "maxSubscriptionsPerConnection",
						"value", this.maxPerConnection))
				.build())
			.build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

	@Override
	public void handleConnectionClosed(WebSocketSessionInfo info, int statusCode, Map<String, Object> payload) {
		this.active.remove(info.getId());
		InetSocketAddress remote = this.counted.remove(info.getId());
		if (remote != null) {
			this.connections.close(remote);
		}
	}

}
