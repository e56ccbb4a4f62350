package fr.pactecarto.api;

import graphql.ErrorClassification;

/** Stable error codes of the public API; partner apps switch on these, so never rename one. */
public enum ErrorCode implements ErrorClassification {

	/** An argument is out of range or malformed (zoom, lon/lat, bbox…). */
	INVALID_ARGUMENT,
	/** No territory has this code or alias. */
	UNKNOWN_TERRITORY,
	/** No pacte has this id (or region and year), or the default pacte is not loaded. */
	UNKNOWN_PACTE,
	/** No theme has this slug. */
	UNKNOWN_THEME,
	/** No axis has this number. */
	UNKNOWN_AXIS,
	/** The {@code after} cursor was not produced by this API. */
	BAD_CURSOR,
	/** {@code first} is above the maximum page size. */
	PAGE_SIZE_EXCEEDED,
	/** The query nests deeper than allowed. */
	MAX_DEPTH_EXCEEDED,
	/** The query asks for more fields than allowed. */
	MAX_COMPLEXITY_EXCEEDED,
	/** The field needs a signed-in account (session cookie) or an API token, and the request has neither. */
	UNAUTHENTICATED,
	/** The account may not do this: its role, or the territories an editor is limited to. */
	FORBIDDEN,
	/** The object changed since the version the mutation was based on; {@code extensions.current} holds it now. */
	CONFLICT,
	/** A required input field is missing or blank. */
	REQUIRED,
	/** An input field is longer (or a list holds more items) than allowed. */
	TOO_LONG,
	/** An input field is malformed or out of range. */
	INVALID_VALUE,
	/** A list names the same thing twice, or an identifier is taken. */
	DUPLICATE,
	/** No action has this id in the pacte (or it is archived where a live one is needed). */
	UNKNOWN_ACTION,
	/** No priority has this id in the pacte. */
	UNKNOWN_PRIORITY,
	/** No funding line has this id in the pacte. */
	UNKNOWN_FUNDING_LINE,
	/** No account has this login. */
	UNKNOWN_ACCOUNT,
	/** No API token has this id. */
	UNKNOWN_TOKEN,
	/** The parent named cannot hold this action (a sub-action, itself, another priority, archived). */
	INVALID_PARENT,
	/** The action is archived (for a change that needs it live), or not (for a restore). */
	INVALID_STATE

}
