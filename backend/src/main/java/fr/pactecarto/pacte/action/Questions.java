package fr.pactecarto.pacte.action;

import java.util.List;

import reactor.core.publisher.Mono;

import fr.pactecarto.api.ApiException;
import fr.pactecarto.api.ErrorCode;

import org.springframework.stereotype.Component;

/** Checks what a question names (an axis, themes) against the pacte asked about, for the controllers. */
@Component
class Questions {

	private final AxisRepository axes;

	Questions(AxisRepository axes) {
		this.axes = axes;
	}

	/**
	 * Nothing when the pacte has this axis (null: any) and these themes (null: any); otherwise the error
	 * {@code UNKNOWN_AXIS} or {@code UNKNOWN_THEME} naming the argument and what the pacte has.
	 */
	Mono<Void> check(String pacte, Integer axis, String axisArgument, List<String> themes, String themeArgument) {
		if (axis == null && themes == null) {
			return Mono.empty();
		}
		return this.axes.findTerms(pacte).flatMap(terms -> {
			if (axis != null && !terms.axes().contains(axis)) {
				return Mono.error(new ApiException(ErrorCode.UNKNOWN_AXIS, axisArgument, "Argument '" + axisArgument
						+ "' is " + axis + "; the axes of pacte " + pacte + " are numbered " + terms.axes()));
			}
			List<String> unknown = (themes != null) ? themes.stream().filter(theme -> !terms.themes().contains(theme)).toList()
					: List.of();
			if (!unknown.isEmpty()) {
				return Mono.error(new ApiException(ErrorCode.UNKNOWN_THEME, themeArgument, "Argument '" + themeArgument
						+ "' names no theme: " + unknown + "; the theme slugs of pacte " + pacte + " are " + terms.themes()));
			}
			return Mono.empty();
		});
	}

}
