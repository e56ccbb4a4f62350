package fr.pactecarto.api;

import java.util.Collection;
import java.util.Map;

/**
 * NUL characters are refused in every string a request passes (variables and literal arguments): PostgreSQL
 * cannot store them in text, so they would come back as an internal error.
 */
final class Nul {

	private Nul() {
	}

	static void check(Object value, String argument) {
		if (value instanceof String text) {
			if (text.indexOf('\u0000') >= 0) {
				throw LimitExceeded.invalidArgument(argument,
						"Argument '" + argument + "' contains a NUL character (\\u0000), which no field accepts");
			}
		}
		else if (value instanceof Map<?, ?> map) {
			map.forEach((key, item) -> check(item, argument.equals("variables") ? String.valueOf(key) : argument));
		}
		else if (value instanceof Collection<?> items) {
			items.forEach(item -> check(item, argument));
		}
	}

}
