package fr.pactecarto.web;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;

import fr.pactecarto.api.ErrorCode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * At most {@code pacte.live.max-connections-per-client} live connections per client address at once: SSE
 * streams ({@code Accept: text/event-stream}, counted by this filter for as long as their exchange lasts, one
 * more refused with {@code 429}, {@code Retry-After} and {@code TOO_MANY_CONNECTIONS}) and WebSocket connections
 * (counted from their {@code connection_init} to their close, by fr.pactecarto.live.SubscriptionLimits).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
public class LiveConnections implements WebFilter {

	private final int maxPerClient;

	private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();

	LiveConnections(@Value("${pacte.live.max-connections-per-client:20}") int maxPerClient) {
		this.maxPerClient = maxPerClient;
	}

	/** The most live connections a client may hold at once. */
	public int maxPerClient() {
		return this.maxPerClient;
	}

	/** Counts one more live connection of this address: false (and not counted) beyond the limit. */
	public boolean open(InetSocketAddress remote) {
		return open(ClientKey.address(remote));
	}

	/** The end of a live connection counted by {@link #open(InetSocketAddress)}. */
	public void close(InetSocketAddress remote) {
		close(ClientKey.address(remote));
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!exchange.getRequest().getHeaders().getAccept().contains(MediaType.TEXT_EVENT_STREAM)) {
			return chain.filter(exchange);
		}
		String key = ClientKey.address(exchange.getRequest().getRemoteAddress());
		if (!open(key)) {
			exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "10");
			return JsonErrors.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS,
					"Too many live connections from this client: at most " + this.maxPerClient + " at once",
					JsonErrors.limit(ErrorCode.TOO_MANY_CONNECTIONS, "maxConnectionsPerClient", this.maxPerClient));
		}
		return chain.filter(exchange).doFinally(signal -> close(key));
	}

	private boolean open(String key) {
		AtomicInteger count = this.open.computeIfAbsent(key, k -> new AtomicInteger());
		if (count.incrementAndGet() > this.maxPerClient) {
			close(key);
			return false;
		}
		return true;
	}

	private void close(String key) {
		this.open.computeIfPresent(key, (k, count) -> (count.decrementAndGet() <= 0) ? null : count);
	}

}
