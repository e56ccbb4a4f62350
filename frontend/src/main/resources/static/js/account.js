// The sign-in of planners, in the header: « Se connecter » opens a small form (a modal <dialog>: Tab stays
// inside, Échap closes it); once signed in, the login and « Se déconnecter ».
import { T } from './strings.js';
import { text } from './dom.js';

export class Account {
  /** @param element the header's container; @param session a Session */
  constructor(element, session) {
    this.element = element;
    this.session = session;
    this.dialog = this.buildDialog();
    document.body.append(this.dialog);
    session.onChange(() => this.render());
    this.render();
  }

  render() {
    const user = this.session.user;
    if (user) {
      const out = text('button', T.signOut);
      out.type = 'button';
      out.id = 'sign-out';
      out.addEventListener('click', () => this.session.signOut());
      this.element.replaceChildren(text('span', T.signedInAs(user), 'who'), out);
    } else {
      const open = text('button', T.signIn);
      open.type = 'button';
      open.id = 'sign-in-open';
      open.addEventListener('click', () => this.open());
      this.element.replaceChildren(open);
    }
  }

  open() {
    this.form.reset();
    this.error.hidden = true;
    this.dialog.showModal();
    this.form.elements.login.focus();
  }

  buildDialog() {
    const dialog = document.createElement('dialog');
    dialog.id = 'sign-in';
    dialog.setAttribute('aria-labelledby', 'sign-in-title');
    const form = document.createElement('form');
    form.method = 'dialog';
    const title = text('h2', T.signInTitle);
    title.id = 'sign-in-title';
    const login = field('login', T.signInLogin, 'text', 'username');
    const password = field('password', T.signInPassword, 'password', 'current-password');
    this.error = text('p', '', 'form-error');
    this.error.id = 'sign-in-error';
    this.error.setAttribute('role', 'alert');
    this.error.hidden = true;
    const submit = text('button', T.signInSubmit, 'primary');
    submit.type = 'submit';
    submit.id = 'sign-in-submit';
    const cancel = text('button', T.cancel);
    cancel.type = 'button';
    cancel.addEventListener('click', () => dialog.close());
    const buttons = document.createElement('div');
    buttons.className = 'buttons';
    buttons.append(submit, cancel);
    form.append(title, login, password, this.error, buttons);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      submit.disabled = true;
      try {
        const refused = await this.session.signIn(form.elements.login.value.trim(), form.elements.password.value);
        if (refused == null) {
          dialog.close();
          return;
        }
        this.error.textContent = (T.signInErrors[refused.code] ?? refused.message ?? refused.code)
          + (refused.retryAfter ? T.signInRetry(Number(refused.retryAfter)) : '');
      } catch (error) {
        this.error.textContent = T.requestFailed + error.message;
      } finally {
        submit.disabled = false;
      }
      this.error.hidden = false;
      form.elements.password.value = '';
      form.elements.password.focus();
    });
    this.form = form;
    dialog.append(form);
    return dialog;
  }
}

function field(name, label, type, autocomplete) {
  const wrapper = document.createElement('label');
  wrapper.className = 'field';
  const input = document.createElement('input');
  input.name = name;
  input.id = `sign-in-${name}`;
  input.type = type;
  input.required = true;
  input.autocomplete = autocomplete;
  input.maxLength = name === 'login' ? 64 : 200;
  wrapper.append(text('span', label), input);
  return wrapper;
}
