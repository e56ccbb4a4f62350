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
	/** APQ: this server does not know the {@code sha256Hash}; send it again with the query (Apollo's convention). */
	PERSISTED_QUERY_NOT_FOUND,
	/** APQ: the query sent does not have the {@code sha256Hash} sent with it. */
	PERSISTED_QUERY_HASH_MISMATCH,
	/** The operation type is not allowed here: {@code GET /graphql} runs queries only (mutations go by POST). */
	OPERATION_NOT_SUPPORTED,
	/** The HTTP request is not a GraphQL request (no query, variables or extensions that are not JSON objects…). */
	BAD_REQUEST

}
