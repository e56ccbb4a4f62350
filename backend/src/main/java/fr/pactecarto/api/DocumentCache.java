package fr.pactecarto.api;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.validation.ValidationError;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * Parses and validates each distinct query text once: map clients send the same few documents over and
 * over, with variables. Bounded: only documents up to {@value #MAX_CACHED_CHARS} characters are kept (the page's
 * largest is under 1,000), and at most {@value #MAX_DOCUMENTS} of them, the least used going first (a flood of
 * new documents does not push the page's documents out for good). A new document is parsed once, its shape
 * checked ({@link DocumentShape}), then validated by graphql-java's rules.
 */
@Configuration(proxyBeanMethods = false)
class DocumentCache implements PreparsedDocumentProvider {

	private static final int MAX_DOCUMENTS = 500;

	private static final int MAX_CACHED_CHARS = 8192;

	private final Cache<String, PreparsedDocumentEntry> documents = Caffeine.newBuilder().maximumSize(MAX_DOCUMENTS).build();

	private final LimitProperties limits;

	private final ObjectProvider<GraphQlSource> source;

	DocumentCache(LimitProperties limits, ObjectProvider<GraphQlSource> source) {
		this.limits = limits;
		this.source = source;
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		String query = input.getQuery();
		PreparsedDocumentEntry entry = this.documents.getIfPresent(query);
		if (entry == null) {
			entry = parseCheckAndValidate(input, parseAndValidate);
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

	// The document parsed once (as graphql-java parses it), its shape checked, then validated against the schema;
	// a refusal of its shape is the entry's only error.
	private PreparsedDocumentEntry parseCheckAndValidate(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		ParseAndValidateResult parsed = ParseAndValidate.parse(input);
		if (parsed.isFailure()) {
			return parseAndValidate.apply(input); // graphql-java reports the syntax error its own way, with its location
		}
		Document document = parsed.getDocument();
		try {
			DocumentShape.check(this.limits, document);
		}
		catch (LimitExceeded refused) {
			return new PreparsedDocumentEntry(refused);
		}
		Predicate<Class<?>> rules = input.getGraphQLContext()
			.getOrDefault(ParseAndValidate.INTERNAL_VALIDATION_PREDICATE_HINT, rule -> true);
		List<ValidationError> errors = ParseAndValidate.validate(this.source.getObject().schema(), document, rules,
				input.getLocale());
		return errors.isEmpty() ? new PreparsedDocumentEntry(document) : new PreparsedDocumentEntry(document, errors);
	}

	@Bean
	GraphQlSourceBuilderCustomizer documentCacheCustomizer() {
		return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
	}

}
