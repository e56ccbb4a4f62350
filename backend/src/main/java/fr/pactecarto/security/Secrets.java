package fr.pactecarto.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The random secrets of API tokens and session cookies: 256 bits from {@link SecureRandom}, URL-safe base64,
 * stored only as their SHA-256 (a fast hash is right for secrets of that entropy; passwords, which are not,
 * go through the adaptive {@code PasswordEncoder}).
 */
final class Secrets {

	/** API tokens start with it, so that secret scanners and people recognise one. */
	static final String TOKEN_PREFIX = "pct_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	static String newToken() {
		return TOKEN_PREFIX + random();
	}

	static String newSessionId() {
		return random();
	}

	private static String random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static byte[] sha256(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
