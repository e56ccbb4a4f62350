package fr.pactecarto.api;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parses and validates each distinct query text once: map clients send the same few documents over and
 * over, with variables. Bounded: only documents up to {@value #MAX_CACHED_CHARS} characters are kept (the page's
 * largest is under 1,000), and the cache is emptied when it holds too many. A new document's shape is checked
 * ({@link DocumentShape}) before graphql-java validates it.
 */
@Configuration(proxyBeanMethods = false)
class DocumentCache implements PreparsedDocumentProvider {

	private static final int MAX_DOCUMENTS = 500;

	private static final int MAX_CACHED_CHARS = 8192;

	private final Map<String, PreparsedDocumentEntry> documents = new ConcurrentHashMap<>();

	private final LimitProperties limits;

	DocumentCache(LimitProperties limits) {
		this.limits = limits;
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		String query = input.getQuery();
		PreparsedDocumentEntry entry = this.documents.get(query);
		if (entry == null) {
			entry = checkShape(query);
			if (entry == null) {
				entry = parseAndValidate.apply(input);
			}
			if (query.length() <= MAX_CACHED_CHARS) {
				if (this.documents.size() >= MAX_DOCUMENTS) {
					this.documents.clear();
				}
				this.documents.put(query, entry);
			}
		}
		return CompletableFuture.completedFuture(entry);
	}

	// An entry holding the refusal when the document's shape passes a limit; null when it may be validated.
	private PreparsedDocumentEntry checkShape(String query) {
		try {
			DocumentShape.check(this.limits, Parser.parse(query));
			return null;
		}
		catch (LimitExceeded refused) {
			return new PreparsedDocumentEntry(refused);
		}
		catch (InvalidSyntaxException ex) {
			return null; // graphql-java's own parse reports it, with its location
		}
	}

	@Bean
	GraphQlSourceBuilderCustomizer documentCacheCustomizer() {
		return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
	}

}
