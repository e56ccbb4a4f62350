package fr.pactecarto.pacte.edit;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a planner edits of an action, as stored, with its version and who changed it last: the {@code before} and
 * {@code after} of the audit trail and the {@code current} of a {@code CONFLICT}.
 */
record ActionState(String id, String priority, String parent, String label, String category, String instrument,
		List<String> themes, List<String> citedAs, String note, boolean archived, long version,
		OffsetDateTime updatedAt, String updatedBy, boolean hasSubActions, boolean hasLiveSubActions) {

	ActionState withContent(String priority, String parent, String label, String category, String instrument,
			List<String> themes, List<String> citedAs, String note) {
		return new ActionState(this.id, priority, parent, label, category, instrument, themes, citedAs, note,
				this.archived, this.version, this.updatedAt, this.updatedBy, this.hasSubActions, this.hasLiveSubActions);
	}

	ActionState archived(boolean archived) {
		return new ActionState(this.id, this.priority, this.parent, this.label, this.category, this.instrument,
				this.themes, this.citedAs, this.note, archived, this.version, this.updatedAt, this.updatedBy,
				this.hasSubActions, this.hasLiveSubActions);
	}

	ActionState stamped(long version, OffsetDateTime at, String by) {
		return new ActionState(this.id, this.priority, this.parent, this.label, this.category, this.instrument,
				this.themes, this.citedAs, this.note, this.archived, version, at, by, this.hasSubActions,
				this.hasLiveSubActions);
	}

	/** Same content (what a planner sees), whatever the bookkeeping. */
	boolean sameContent(ActionState other) {
		return toMap(false).equals(other.toMap(false));
	}

	Map<String, Object> toMap() {
		return toMap(true);
	}

	private Map<String, Object> toMap(boolean bookkeeping) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", this.id);
		map.put("priority", this.priority);
		map.put("parent", this.parent);
		map.put("label", this.label);
		map.put("category", this.category);
		map.put("instrument", this.instrument);
		map.put("themes", List.copyOf(this.themes));
		map.put("citedAs", List.copyOf(this.citedAs));
		map.put("note", this.note);
		map.put("archived", this.archived);
		if (bookkeeping) {
			map.put("version", this.version);
			map.put("updatedAt", (this.updatedAt != null) ? this.updatedAt.toInstant().toString() : null);
			map.put("updatedBy", this.updatedBy);
		}
		return map;
	}

}
