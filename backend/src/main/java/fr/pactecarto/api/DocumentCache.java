package fr.pactecarto.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.OperationDefinition;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parses and validates each distinct query text once: map clients send the same few documents over and
 * over, with variables. Bounded: the cache is emptied when it holds too many documents.
 */
@Configuration(proxyBeanMethods = false)
class DocumentCache implements PreparsedDocumentProvider {

	private static final int MAX_DOCUMENTS = 500;

	private final Map<String, PreparsedDocumentEntry> documents = new ConcurrentHashMap<>();

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		PreparsedDocumentEntry entry = this.documents.get(input.getQuery());
		if (entry == null) {
			entry = parseAndValidate.apply(input);
			if (this.documents.size() >= MAX_DOCUMENTS) {
				this.documents.clear();
			}
			this.documents.put(input.getQuery(), entry);
		}
		return CompletableFuture.completedFuture(entry);
	}

	/**
	 * The kind of the operation a request would run (its {@code operationName}, or its only operation), when its
	 * document has been parsed and validated already; empty otherwise.
	 */
	Optional<OperationDefinition.Operation> operation(String query, String operationName) {
		PreparsedDocumentEntry entry = (query != null) ? this.documents.get(query) : null;
		if (entry == null || entry.hasErrors()) {
			return Optional.empty();
		}
		List<OperationDefinition> operations = entry.getDocument().getDefinitionsOfType(OperationDefinition.class);
		return operations.stream()
			.filter(operation -> (operationName == null) ? operations.size() == 1 : operationName.equals(operation.getName()))
			.map(OperationDefinition::getOperation)
			.findFirst();
	}

	@Bean
	GraphQlSourceBuilderCustomizer documentCacheCustomizer() {
		return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
	}

}
