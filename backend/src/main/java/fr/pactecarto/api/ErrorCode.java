package fr.pactecarto.api;

import graphql.ErrorClassification;

/**
 * Stable error codes of the public API, sent as {@code extensions.code} of every GraphQL error (and of the
 * GraphQL-shaped JSON of the HTTP refusals); partner apps switch on these, so never rename one. A refusal by a
 * limit also carries {@code extensions.limit} (the limit's name) and {@code extensions.value} (its value).
 */
public enum ErrorCode implements ErrorClassification {

	/** An argument is out of range or malformed (zoom, lon/lat, bbox, a NUL character in a string, a list longer than {@code maxArgumentItems}…). */
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
	/** Fields (or fragments) nest deeper than allowed, fragments expanded (limits {@code maxDepth}, {@code maxFragmentDepth}). */
	MAX_DEPTH_EXCEEDED,
	/**
	 * The estimated cost of the answer is above the limit ({@code maxCost}): fields weighted by what they return
	 * (a full-precision outline costs far more than a name) and multiplied by the expected size of their lists.
	 */
	MAX_COMPLEXITY_EXCEEDED,
	/** The document selects more fields than allowed once its fragments are expanded and aliases counted ({@code maxFields}). */
	MAX_FIELDS_EXCEEDED,
	/** The answer grew beyond the maximum answer size ({@code maxResponseBytes}); nothing of it is sent. */
	RESPONSE_TOO_LARGE,
	/** The request ran beyond its time budget ({@code timeout}); its work was cancelled. */
	TIME_BUDGET_EXCEEDED,
	/** The GraphQL document is not valid GraphQL syntax, or exceeds the parser's token limits. */
	GRAPHQL_PARSE_FAILED,
	/** The document does not match the schema (unknown field, wrong argument type, bad variable…). */
	GRAPHQL_VALIDATION_FAILED,
	/** The operation type is not allowed here: {@code GET /graphql} runs queries only; subscriptions go over WebSocket or SSE. */
	OPERATION_NOT_SUPPORTED,
	/** APQ: this server does not know the {@code sha256Hash}; send it again with the query (Apollo's convention). */
	PERSISTED_QUERY_NOT_FOUND,
	/** APQ: the query sent does not have the {@code sha256Hash} sent with it. */
	PERSISTED_QUERY_HASH_MISMATCH,
	/** The HTTP request is not a GraphQL request: empty body, JSON {@code null}, not a JSON object, bad JSON, wrong method or media type. */
	BAD_REQUEST,
	/** Batched (array) bodies are not supported: send one operation per request. */
	BATCH_NOT_SUPPORTED,
	/** The request body is larger than allowed ({@code maxBodyBytes}): HTTP 413. */
	REQUEST_TOO_LARGE,
	/** No such resource: HTTP 404. */
	NOT_FOUND,
	/** This client sent too many requests: HTTP 429, retry after the {@code Retry-After} seconds. */
	RATE_LIMITED,
	/** A WebSocket connection asked for more subscriptions at once than allowed ({@code maxSubscriptionsPerConnection}). */
	TOO_MANY_SUBSCRIPTIONS,
	/** A client holds more live connections (WebSocket, SSE) at once than allowed ({@code maxConnectionsPerClient}): HTTP 429. */
	TOO_MANY_CONNECTIONS,
	/** The server is at its limit of concurrent requests or of memory for answers: HTTP 503, retry after {@code Retry-After}. */
	OVERLOADED,
	/** The database cannot be reached or is restarting: HTTP 503, retry after {@code Retry-After}; the service recovers by itself. */
	DATABASE_UNAVAILABLE,
	/** A bug on our side; the message gives the request id to report (the log has the details). */
	INTERNAL_ERROR,
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
