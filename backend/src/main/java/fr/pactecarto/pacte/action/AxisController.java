package fr.pactecarto.pacte.action;

import java.util.List;
import java.util.Map;

import org.dataloader.DataLoader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import fr.pactecarto.api.Batches;
import fr.pactecarto.pacte.Pacte;
import fr.pactecarto.pacte.Pactes;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** A pacte's axes, their priorities and its themes. */
@Controller
class AxisController {

	private final AxisRepository axes;

	private final ActionRepository actions;

	private final Pactes pactes;

	AxisController(AxisRepository axes, ActionRepository actions, Pactes pactes) {
		this.axes = axes;
		this.actions = actions;
		this.pactes = pactes;
	}

	@QueryMapping
	Flux<Axis> axes(@Argument String pacte, DataLoader<String, Pacte> loader) {
		return this.pactes.named(pacte, loader).flatMapMany(this::axes);
	}

	@SchemaMapping(typeName = "Pacte")
	Flux<Axis> axes(Pacte pacte) {
		return this.axes.findAxes(pacte.id());
	}

	@QueryMapping
	Mono<Axis> axis(@Argument int number, @Argument String pacte, DataLoader<String, Pacte> loader) {
		return this.pactes.named(pacte, loader).flatMap(found -> axis(found, number));
	}

	@SchemaMapping(typeName = "Pacte")
	Mono<Axis> axis(Pacte pacte, @Argument int number) {
		return this.axes.findAxes(List.of(new Axis.Key(pacte.id(), number))).next();
	}

	@QueryMapping
	Flux<Theme> themes(@Argument String pacte, DataLoader<String, Pacte> loader) {
		return this.pactes.named(pacte, loader).flatMapMany(this::themes);
	}

	@SchemaMapping(typeName = "Pacte")
	Flux<Theme> themes(Pacte pacte) {
		return this.axes.findThemes(pacte.id());
	}

	@BatchMapping(typeName = "Axis", field = "priorities")
	Mono<Map<Axis, List<Priority>>> axisPriorities(List<Axis> axes) {
		return Batches.grouped(axes, Axis::key, this.axes::findPrioritiesOfAxes, Priority::axisKey);
	}

	@BatchMapping(typeName = "Priority", field = "axis")
	Mono<Map<Priority, Axis>> priorityAxis(List<Priority> priorities) {
		return Batches.single(priorities, Priority::axisKey, this.axes::findAxes, Axis::key);
	}

	@BatchMapping(typeName = "Priority", field = "actions")
	Mono<Map<Priority, List<Action>>> priorityActions(List<Priority> priorities) {
		return Batches.grouped(priorities, Priority::key, this.actions::findOfPriorities, Action::priorityKey);
	}

}
