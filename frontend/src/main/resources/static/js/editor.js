// The action form of signed-in editors (a modal <dialog>: keyboard-usable, Échap closes it) and the
// « Historique » of an action. The form sends the action's whole new state with the version it was loaded
// with; the server's errors are shown next to their fields (extensions.argument: input.label,
// input.themes[1]…), and a CONFLICT shows both versions and who changed the action in between.
import { T } from './strings.js';
import { request, query, errorMessage } from './graphql.js';
import { ACTION_EDIT, UPDATE_ACTION, ACTION_HISTORY } from './queries.js';
import { text } from './dom.js';

const FIELDS = ['label', 'priority', 'category', 'instrument', 'themes', 'citedAs', 'note'];

export class ActionEditor {
  /** @param view { pacte }; @param onSaved called after a save, to redraw the map and the panel */
  constructor(view, onSaved) {
    this.view = view;
    this.onSaved = onSaved;
    this.dialog = document.createElement('dialog');
    this.dialog.id = 'action-editor';
    this.dialog.setAttribute('aria-labelledby', 'action-editor-title');
    this.historyDialog = document.createElement('dialog');
    this.historyDialog.id = 'action-history';
    this.historyDialog.setAttribute('aria-labelledby', 'action-history-title');
    document.body.append(this.dialog, this.historyDialog);
  }

  async open(actionId) {
    this.dialog.replaceChildren(text('p', T.editLoading, 'loading'));
    if (!this.dialog.open) this.dialog.showModal();
    let data;
    try {
      data = await query(ACTION_EDIT, { pacte: this.view.pacte, id: actionId });
    } catch (error) {
      this.dialog.replaceChildren(text('p', T.requestFailed + error.message, 'form-error'), closeButton(this.dialog));
      return;
    }
    this.action = data.action;
    this.pacte = data.pacte;
    this.render(formState(data.action), data.action.version);
  }

  render(values, version) {
    this.version = version;
    const form = document.createElement('form');
    form.noValidate = true;
    const title = text('h2', T.editAction(this.action.label));
    title.id = 'action-editor-title';
    form.append(title);
    form.append(text('p', this.action.updatedBy ? T.editLastChange(this.action.updatedBy, this.action.updatedAt)
      : T.editAsImported, 'meta'));
    this.summary = text('p', '', 'form-error');
    this.summary.setAttribute('role', 'alert');
    this.summary.hidden = true;
    this.conflict = document.createElement('section');
    this.conflict.className = 'conflict';
    this.conflict.hidden = true;
    form.append(this.summary, this.conflict);

    form.append(fieldOf('label', T.fieldNames.label, textArea('label', values.label, 3)));
    const priority = document.createElement('select');
    priority.name = 'priority';
    for (const axis of this.pacte.axes) {
      const group = document.createElement('optgroup');
      group.label = T.axisOption(axis);
      for (const p of axis.priorities) {
        const option = text('option', p.title);
        option.value = p.id;
        group.append(option);
      }
      priority.append(group);
    }
    priority.value = values.priority;
    if (this.action.parent) priority.disabled = true;
    form.append(fieldOf('priority', T.fieldNames.priority, priority,
      this.action.parent ? T.editSubAction(this.action.parent.label) : null));
    form.append(fieldOf('category', T.fieldNames.category, input('category', values.category)));
    form.append(fieldOf('instrument', T.fieldNames.instrument, input('instrument', values.instrument)));

    const themes = document.createElement('fieldset');
    themes.className = 'field themes';
    themes.dataset.field = 'themes';
    themes.append(text('legend', T.fieldNames.themes));
    for (const theme of this.pacte.themes) {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = 'themes';
      box.value = theme.slug;
      box.checked = values.themes.includes(theme.slug);
      label.append(box, ` ${theme.label}`);
      themes.append(label);
    }
    themes.append(errorSlot('themes'));
    form.append(themes);

    form.append(fieldOf('citedAs', T.fieldNames.citedAs, input('citedAs', values.citedAs.join(', ')), T.editCitedHelp));
    form.append(fieldOf('note', T.fieldNames.note, textArea('note', values.note, 2)));

    const save = text('button', T.editSave, 'primary');
    save.type = 'submit';
    save.id = 'action-save';
    const buttons = document.createElement('div');
    buttons.className = 'buttons';
    buttons.append(save, closeButton(this.dialog, T.cancel));
    form.append(buttons);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.save(form, save);
    });
    this.form = form;
    this.dialog.replaceChildren(form);
    form.elements.label.focus();
  }

  values(form) {
    const themes = [...form.querySelectorAll('input[name=themes]:checked')].map((box) => box.value);
    return {
      label: form.elements.label.value,
      priority: form.elements.priority.value,
      category: form.elements.category.value,
      instrument: form.elements.instrument.value,
      themes,
      citedAs: form.elements.citedAs.value.split(',').map((code) => code.trim()).filter((code) => code !== ''),
      note: form.elements.note.value,
    };
  }

  async save(form, button) {
    const values = this.values(form);
    clearErrors(form);
    this.conflict.hidden = true;
    button.disabled = true;
    button.textContent = T.editSaving;
    let answer;
    try {
      answer = await request(UPDATE_ACTION, { input: {
        pacte: this.view.pacte, id: this.action.id, version: this.version, parent: this.action.parent?.id ?? null,
        ...values, category: values.category || null, instrument: values.instrument || null, note: values.note || null,
      } });
    } catch (error) {
      answer = { data: null, errors: [{ message: error.message }] };
    }
    button.disabled = false;
    button.textContent = T.editSave;
    if (answer.errors.length === 0 && answer.data?.updateAction) {
      this.dialog.close();
      this.onSaved(answer.data.updateAction);
      return;
    }
    const conflict = answer.errors.find((e) => e.extensions?.code === 'CONFLICT');
    if (conflict) this.showConflict(values, conflict.extensions);
    const shown = showErrors(form, answer.errors.filter((e) => e !== conflict));
    if (!conflict) {
      this.summary.textContent = shown ? T.editInvalid : errorMessage(answer.errors);
      this.summary.hidden = false;
    }
  }

  showConflict(mine, extensions) {
    const current = extensions.current;
    const theirs = formState({
      ...current, priority: { id: current.priority }, themes: current.themes.map((slug) => ({ slug })),
    });
    const table = document.createElement('table');
    const head = document.createElement('tr');
    head.append(text('th', T.conflictField), text('th', T.conflictMine), text('th', T.conflictTheirs));
    table.append(head);
    const titles = new Map(this.pacte.axes.flatMap((axis) => axis.priorities.map((p) => [p.id, p.title])));
    const display = (field, value) => (field === 'priority' ? titles.get(value) ?? value : value);
    for (const field of FIELDS) {
      const a = shown(display(field, mine[field]));
      const b = shown(display(field, theirs[field]));
      const row = document.createElement('tr');
      if (a !== b) row.className = 'differs';
      row.append(text('th', T.fieldNames[field]), text('td', a), text('td', b));
      table.append(row);
    }
    const takeTheirs = text('button', T.conflictTakeTheirs);
    takeTheirs.type = 'button';
    takeTheirs.addEventListener('click', () => {
      this.action = { ...this.action, updatedBy: current.updatedBy, updatedAt: current.updatedAt };
      this.render(theirs, current.version);
    });
    const keepMine = text('button', T.conflictKeepMine);
    keepMine.type = 'button';
    keepMine.id = 'conflict-keep-mine';
    keepMine.addEventListener('click', () => {
      this.version = current.version;
      this.conflict.hidden = true;
      this.form.requestSubmit();
    });
    const heading = text('h3', T.conflictTitle);
    const message = text('p', T.conflictBy(extensions.updatedBy, extensions.updatedAt));
    message.setAttribute('role', 'alert');
    const buttons = document.createElement('div');
    buttons.className = 'buttons';
    buttons.append(takeTheirs, keepMine);
    this.conflict.replaceChildren(heading, message, table, buttons);
    this.conflict.hidden = false;
    takeTheirs.focus();
  }

  async history(actionId) {
    const dialog = this.historyDialog;
    dialog.replaceChildren(text('p', T.editLoading, 'loading'));
    if (!dialog.open) dialog.showModal();
    let data;
    try {
      data = await query(ACTION_HISTORY, { pacte: this.view.pacte, id: actionId });
    } catch (error) {
      dialog.replaceChildren(text('p', T.requestFailed + error.message, 'form-error'), closeButton(dialog));
      return;
    }
    const title = text('h2', T.historyOf(data.action.label));
    title.id = 'action-history-title';
    const list = document.createElement('ol');
    list.className = 'history';
    for (const change of data.action.history) {
      const item = document.createElement('li');
      item.dataset.changeId = change.id;
      item.append(text('span', T.historyEntry(change), 'entry'));
      if (change.changedFields.length > 0) item.append(text('span', T.historyFields(change.changedFields), 'fields'));
      for (const field of change.changedFields) {
        if (change.before && change.after) {
          item.append(text('span', `${T.fieldNames[field] ?? field} : ${shown(change.before[field])} → ${shown(change.after[field])}`,
            'diff'));
        }
      }
      list.append(item);
    }
    const close = closeButton(dialog);
    dialog.replaceChildren(title, data.action.history.length ? list : text('p', T.historyEmpty), close);
    close.focus();
  }
}

function formState(action) {
  return {
    label: action.label ?? '',
    priority: action.priority?.id ?? '',
    category: action.category ?? '',
    instrument: action.instrument ?? '',
    themes: (action.themes ?? []).map((t) => t.slug),
    citedAs: action.citedAs ?? [],
    note: action.note ?? '',
  };
}

function shown(value) {
  if (Array.isArray(value)) return value.length ? value.join(', ') : T.none;
  if (value == null || value === '') return T.none;
  return String(value);
}

function input(name, value) {
  const element = document.createElement('input');
  element.name = name;
  element.type = 'text';
  element.value = value ?? '';
  return element;
}

function textArea(name, value, rows) {
  const element = document.createElement('textarea');
  element.name = name;
  element.rows = rows;
  element.value = value ?? '';
  return element;
}

function errorSlot(name) {
  const slot = text('p', '', 'field-error');
  slot.id = `error-${name}`;
  slot.hidden = true;
  return slot;
}

function fieldOf(name, label, control, help) {
  const wrapper = document.createElement('div');
  wrapper.className = 'field';
  wrapper.dataset.field = name;
  control.id = `edit-${name}`;
  const caption = text('label', label);
  caption.htmlFor = control.id;
  wrapper.append(caption, control);
  const described = [`error-${name}`];
  if (help) {
    const hint = text('p', help, 'help');
    hint.id = `help-${name}`;
    wrapper.append(hint);
    described.push(hint.id);
  }
  control.setAttribute('aria-describedby', described.join(' '));
  wrapper.append(errorSlot(name));
  return wrapper;
}

function closeButton(dialog, label = T.panelClose) {
  const button = text('button', label);
  button.type = 'button';
  button.addEventListener('click', () => dialog.close());
  return button;
}

function clearErrors(form) {
  for (const slot of form.querySelectorAll('.field-error')) {
    slot.hidden = true;
    slot.textContent = '';
  }
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
}

/** Shows each error next to its field (input.themes[1] → themes); true when at least one had a field. */
function showErrors(form, errors) {
  let first = null;
  for (const error of errors) {
    const argument = error.extensions?.argument ?? '';
    const match = /^input\.([A-Za-z]+)(?:\[(\d+)\])?$/.exec(argument);
    const name = match && (match[1] === 'id' ? 'label' : match[1]);
    const slot = name && form.querySelector(`#error-${name}`);
    if (!slot) continue;
    const message = T.editErrors[error.extensions.code] ?? error.message;
    const item = match[2] != null && name === 'citedAs'
      ? ` (${form.elements.citedAs.value.split(',').map((c) => c.trim()).filter(Boolean)[Number(match[2])] ?? ''})` : '';
    slot.textContent = slot.textContent ? `${slot.textContent} ${message}${item}` : `${message}${item}`;
    slot.hidden = false;
    const control = form.querySelector(`#edit-${name}`) ?? form.querySelector(`[data-field=${name}]`);
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      first = first ?? control;
    }
  }
  if (first) (first.matches('fieldset') ? first.querySelector('input') : first).focus();
  return first != null;
}
