package fr.pactecarto.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import fr.pactecarto.live.DataVersion;

import org.springframework.stereotype.Component;

/**
 * ETags of GraphQL GET answers: a hash of the body's bytes, so that every instance gives the same answer the
 * same tag. Weak ({@code W/}), since the transport may compress the body. This instance remembers the tag of
 * what it answered per data version and request, so that a revalidation it can vouch for ({@code 304}) costs
 * neither the execution nor the hashing; a change of the data makes every remembered tag unreachable.
 */
@Component
class ETags {

	/** A GET request as far as its answer depends on it, at one version of the data. */
	record Key(long version, String document, String operationName, Map<String, Object> variables, String mediaType) {
	}

	private final DataVersion version;

	private final Cache<Key, String> tags = Caffeine.newBuilder().maximumSize(10_000).build();

	ETags(DataVersion version) {
		this.version = version;
	}

	/** The key of a request at the current version of the data, or null while the version is unknown. */
	Key key(String document, String operationName, Map<String, Object> variables, String mediaType) {
		long current = this.version.current();
		return (current == DataVersion.UNKNOWN) ? null : new Key(current, document, operationName, variables, mediaType);
	}

	/** The tag this instance gave the answer to {@code key}, or null. */
	String known(Key key) {
		return (key != null) ? this.tags.getIfPresent(key) : null;
	}

	/** The tag of the answer {@code body} to {@code key}, remembered if the data did not change meanwhile. */
	String tag(Key key, byte[] body) {
		String tag = "W/\"" + hash(body) + "\"";
		if (key != null && key.version() == this.version.current()) {
			this.tags.put(key, tag);
		}
		return tag;
	}

	/** Whether an {@code If-None-Match} list names {@code tag} (weak comparison, or {@code *}). */
	static boolean matches(List<String> ifNoneMatch, String tag) {
		String opaque = opaque(tag);
		for (String candidate : ifNoneMatch) {
			if (candidate.equals("*") || opaque(candidate).equals(opaque)) {
				return true;
			}
		}
		return false;
	}

	private static String opaque(String tag) {
		String trimmed = tag.trim();
		return trimmed.startsWith("W/") ? trimmed.substring(2) : trimmed;
	}

	// 128 bits of SHA-256: collisions are out of reach, and the tag stays short.
	private static String hash(byte[] body) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
