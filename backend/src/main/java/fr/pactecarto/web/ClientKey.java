package fr.pactecarto.web;

import java.net.InetSocketAddress;

import org.springframework.web.server.ServerWebExchange;

/**
 * Who a request is counted against for rate limiting. Today the client's address ({@link #byAddress}); once
 * accounts and tokens exist, a token key comes first ({@code token:<id>}), with the address as the fallback for
 * anonymous calls — a bean of this type replaces the default.
 */
@FunctionalInterface
public interface ClientKey {

	/** The key of the client, or {@code null} to leave the request unlimited. */
	String of(ServerWebExchange exchange);

	/**
	 * The remote address; IPv6 by its /64 network, which one subscriber usually holds whole. Behind a reverse
	 * proxy, set {@code PACTE_FORWARDED_HEADERS=native} so that this is the client's address, not the proxy's.
	 */
	static ClientKey byAddress() {
		return exchange -> address(exchange.getRequest().getRemoteAddress());
	}

	/** The key of a remote address, as {@link #byAddress()} gives it (for connections without an exchange). */
	static String address(InetSocketAddress remote) {
		if (remote == null || remote.getAddress() == null) {
			return "unknown";
		}
		byte[] address = remote.getAddress().getAddress();
		if (address.length == 16) {
			StringBuilder network = new StringBuilder("ip6:");
			for (int i = 0; i < 8; i++) {
				network.append(String.format("%02x", address[i]));
			}
			return network.toString();
		}
		return "ip:" + remote.getAddress().getHostAddress();
	}

}
