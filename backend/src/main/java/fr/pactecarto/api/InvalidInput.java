package fr.pactecarto.api;

import java.util.List;

/**
 * Every problem of a mutation's input at once: one GraphQL error per problem, each with its code and the path of
 * the field ({@code input.themes[1]}) in {@code extensions.argument}. Thrown before anything is written.
 */
public class InvalidInput extends ApiException {

	private final List<ApiException> problems;

	public InvalidInput(List<ApiException> problems) {
		super(problems.get(0).code(), problems.get(0).argument(), problems.size() + " problem(s) in the input: "
				+ problems.stream().map(ApiException::getMessage).reduce((a, b) -> a + "; " + b).orElse(""));
		this.problems = List.copyOf(problems);
	}

	@Override
	public List<ApiException> problems() {
		return this.problems;
	}

}
