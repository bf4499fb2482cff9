// Preloaded into every Node program of the local stack (NODE_OPTIONS=--import=…/hosts.mjs): docker-compose service
// names resolve to the loopback address the local stack gave each service, as Docker's DNS resolves them to the
// container's (or the service VIP's) address, so URLs such as postgres://…@pgbouncer:6432/… work as written.
// COMPOSE_LOCAL_HOSTS is a JSON object {name: address}. Plain JavaScript, no dependencies.
import dns from 'node:dns';

const hosts = (() => {
  try {
    return JSON.parse(process.env.COMPOSE_LOCAL_HOSTS ?? '{}');
  } catch {
    return {};
  }
})();

const known = (name) => typeof name === 'string' && Object.prototype.hasOwnProperty.call(hosts, name.toLowerCase());
const answer = (name, options) => {
  const address = hosts[name.toLowerCase()];
  const all = typeof options === 'object' && options !== null && options.all === true;
  return all ? [{ address, family: 4 }] : { address, family: 4 };
};

const lookup = dns.lookup;
dns.lookup = function patchedLookup(name, options, callback) {
  const cb = typeof options === 'function' ? options : callback;
  if (!known(name)) return lookup.call(this, name, options, callback);
  const a = answer(name, typeof options === 'function' ? {} : options);
  process.nextTick(() => (Array.isArray(a) ? cb(null, a) : cb(null, a.address, a.family)));
  return {};
};
const promisesLookup = dns.promises.lookup;
dns.promises.lookup = function patchedPromisesLookup(name, options) {
  if (!known(name)) return promisesLookup.call(this, name, options);
  return Promise.resolve(answer(name, options));
};
