package fr.pactecarto.api;

import java.util.Collection;
import java.util.Map;

/**
 * Every list an argument passes is bounded ({@code pacte.limits.max-argument-items}): ten thousand codes cost
 * nothing to send but seconds of SQL to resolve.
 */
final class Items {

	private Items() {
	}

	static void check(Object value, String argument, int max) {
		if (value instanceof Collection<?> items) {
			if (items.size() > max) {
				LimitExceeded refused = LimitExceeded.invalidArgument(argument,
						"Argument '" + argument + "' holds " + items.size() + " items; the maximum is " + max);
				refused.getExtensions().put("limit", "maxArgumentItems");
				refused.getExtensions().put("value", max);
				throw refused;
			}
			items.forEach(item -> check(item, argument, max));
		}
		else if (value instanceof Map<?, ?> map) {
			map.values().forEach(item -> check(item, argument, max));
		}
	}

}
