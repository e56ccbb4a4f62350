// The live connection: GraphQL subscriptions over one WebSocket (protocol graphql-transport-ws, /graphql-ws).
// It reconnects by itself after a network cut or a server restart (1 s, 2 s, 5 s, then every 10 s) and tells
// its state: 'connecting', 'live' or 'offline'. Subscriptions are sent again on each new connection.
import { graphQlDocument } from './queries.js';

const DELAYS = [1000, 2000, 5000, 10000];

export class Live {
  /** @param onState called with 'connecting' | 'live' | 'offline', and true when it (re)connected after a cut */
  constructor(onState) {
    this.onState = onState;
    this.subscriptions = new Map();
    this.next = 0;
    this.failures = 0;
    this.connect();
  }

  connect() {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql-ws`;
    this.acked = false;
    this.onState('connecting', false);
    this.socket = new WebSocket(url, 'graphql-transport-ws');
    this.socket.onopen = () => this.send({ type: 'connection_init' });
    this.socket.onmessage = (event) => this.receive(JSON.parse(event.data));
    this.socket.onclose = () => {
      this.acked = false;
      this.onState('offline', false);
      const delay = DELAYS[Math.min(this.failures, DELAYS.length - 1)];
      this.failures += 1;
      setTimeout(() => this.connect(), delay);
    };
  }

  receive(message) {
    if (message.type === 'connection_ack') {
      const again = this.failures > 0;
      this.acked = true;
      this.failures = 0;
      this.onState('live', again);
      for (const [id, subscription] of this.subscriptions) this.start(id, subscription);
    } else if (message.type === 'ping') {
      this.send({ type: 'pong' });
    } else if (message.type === 'next' && this.subscriptions.has(message.id)) {
      this.subscriptions.get(message.id).onNext(message.payload);
    } else if (message.type === 'error' && this.subscriptions.has(message.id)) {
      this.subscriptions.get(message.id).onNext({ data: null, errors: message.payload });
    }
  }

  send(message) {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  async start(id, subscription) {
    const query = await graphQlDocument(subscription.name);
    if (this.acked && this.subscriptions.get(id) === subscription) {
      this.send({ id, type: 'subscribe', payload: { query, variables: subscription.variables } });
    }
  }

  /** Follows the document `name` with these variables; onNext gets each { data, errors }. Returns a stop(). */
  subscribe(name, variables, onNext) {
    const id = String(++this.next);
    const subscription = { name, variables, onNext };
    this.subscriptions.set(id, subscription);
    if (this.acked) this.start(id, subscription);
    return () => {
      this.subscriptions.delete(id);
      this.send({ id, type: 'complete' });
    };
  }
}
