package fr.pactecarto.pacte.edit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of the audit trail (table {@code pacte_change}, migration V8; GraphQL type {@code Change}).
 * {@code before} and {@code after} are the object's states as JSON objects ({@code null} where there is none).
 */
public record Change(long id, String pacte, String entity, String entityId, String operation, String actor, String via,
		OffsetDateTime at, Map<String, Object> before, Map<String, Object> after) {

	/** Bookkeeping fields, not what a planner changed. */
	private static final Set<String> BOOKKEEPING = Set.of("version", "updatedAt", "updatedBy");

	/** The fields whose values differ between before and after, in the object's order. */
	public List<String> changedFields() {
		Set<String> keys = new LinkedHashSet<>();
		if (this.after != null) {
			keys.addAll(this.after.keySet());
		}
		if (this.before != null) {
			keys.addAll(this.before.keySet());
		}
		List<String> changed = new ArrayList<>();
		for (String key : keys) {
			if (BOOKKEEPING.contains(key)) {
				continue;
			}
			Object was = (this.before != null) ? this.before.get(key) : null;
			Object is = (this.after != null) ? this.after.get(key) : null;
			if (this.before == null || !Objects.equals(was, is)) {
				changed.add(key);
			}
		}
		return changed;
	}

}
