package fr.pactecarto.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Automatic persisted queries in Apollo's convention ({@code extensions.persistedQuery = {version: 1, sha256Hash}}):
 * a client first sends only the hash (a short GET URL a CDN can cache); an unknown hash answers
 * {@link ErrorCode#PERSISTED_QUERY_NOT_FOUND} and the client sends the query with its hash, which is checked and
 * remembered. The store is this instance's memory, bounded by the size of the documents it holds: another
 * instance, or this one after a restart, rebuilds it from the clients' retries.
 */
@Component
public class PersistedQueries {

	/** What a request's document turned out to be: the text to run, or an error to answer instead. */
	public sealed interface Resolution {

	}

	/** The document to run. */
	public record Found(String document) implements Resolution {

	}

	/** No document can be run; {@code status} is the HTTP status of a GET answer. */
	public record Failed(ErrorCode code, String message, int status) implements Resolution {

	}

	private final Cache<String, String> documents;

	PersistedQueries(@Value("${pacte.http.persisted-queries.max-bytes:4194304}") long maxBytes) {
		this.documents = Caffeine.newBuilder()
			.maximumWeight(maxBytes)
			.weigher((String hash, String document) -> 64 + 2 * document.length())
			.build();
	}

	/**
	 * The document of a request that sent {@code document} (null when only the hash came) and {@code extensions}: the document
	 * itself when it has no {@code persistedQuery}, else the one its hash names (remembered if it came along).
	 */
	public Resolution resolve(String document, Map<String, Object> extensions) {
		Object persisted = (extensions != null) ? extensions.get("persistedQuery") : null;
		if (persisted == null) {
			return (document != null && !document.isBlank()) ? new Found(document)
					: new Failed(ErrorCode.BAD_REQUEST, "The request has no query (nor extensions.persistedQuery)", 400);
		}
		if (!(persisted instanceof Map<?, ?> fields) || !(fields.get("sha256Hash") instanceof String hash)) {
			return new Failed(ErrorCode.BAD_REQUEST, "extensions.persistedQuery must be {version: 1, sha256Hash: \"…\"}", 400);
		}
		if (!(fields.get("version") instanceof Number version) || version.intValue() != 1) {
			return new Failed(ErrorCode.BAD_REQUEST, "Only version 1 of persisted queries is supported", 400);
		}
		String key = hash.toLowerCase(java.util.Locale.ROOT);
		if (document == null || document.isBlank()) {
			String known = this.documents.getIfPresent(key);
			// The message is Apollo's: its clients match either the message or the code.
			return (known != null) ? new Found(known) : new Failed(ErrorCode.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound", 200);
		}
		if (!sha256(document).equals(key)) {
			return new Failed(ErrorCode.PERSISTED_QUERY_HASH_MISMATCH, "provided sha does not match query", 400);
		}
		this.documents.put(key, document);
		return new Found(document);
	}

	/** The lowercase hex SHA-256 of the document's UTF-8 bytes, as APQ clients compute it. */
	public static String sha256(String document) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
