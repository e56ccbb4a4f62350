package fr.pactecarto.api;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parses and validates each distinct query text once: map clients send the same few documents over and
 * over, with variables. Bounded: only documents up to {@value #MAX_CACHED_CHARS} characters are kept (the page's
 * largest is under 1,000), and at most {@value #MAX_DOCUMENTS} of them, the least used going first (a flood of
 * new documents does not push the page's documents out for good). A new document's shape is checked
 * ({@link DocumentShape}) before graphql-java validates it.
 */
@Configuration(proxyBeanMethods = false)
class DocumentCache implements PreparsedDocumentProvider {

	private static final int MAX_DOCUMENTS = 500;

	private static final int MAX_CACHED_CHARS = 8192;

	private final Cache<String, PreparsedDocumentEntry> documents = Caffeine.newBuilder().maximumSize(MAX_DOCUMENTS).build();

	private final LimitProperties limits;

	DocumentCache(LimitProperties limits) {
		this.limits = limits;
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		String query = input.getQuery();
		PreparsedDocumentEntry entry = this.documents.getIfPresent(query);
		if (entry == null) {
			entry = checkShape(query);
			if (entry == null) {
				entry = parseAndValidate.apply(input);
			}
			if (query.length() <= MAX_CACHED_CHARS) {
				this.documents.put(query, entry);
			}
		}
		return CompletableFuture.completedFuture(entry);
	}

	/**
	 * The kind of the operation a request would run (its {@code operationName}, or its only operation), when its
	 * document has been parsed and validated already; empty otherwise.
	 */
	Optional<OperationDefinition.Operation> operation(String query, String operationName) {
		PreparsedDocumentEntry entry = (query != null) ? this.documents.getIfPresent(query) : null;
		if (entry == null || entry.hasErrors()) {
			return Optional.empty();
		}
		List<OperationDefinition> operations = entry.getDocument().getDefinitionsOfType(OperationDefinition.class);
		return operations.stream()
			.filter(operation -> (operationName == null) ? operations.size() == 1 : operationName.equals(operation.getName()))
			.map(OperationDefinition::getOperation)
			.findFirst();
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
