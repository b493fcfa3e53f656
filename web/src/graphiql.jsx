// GraphiQL served locally at /graphiql, with the contract operations as saved examples and the
// page's API token (session storage) sent as a bearer token.
import React from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { useEditorContext } from '@graphiql/react';
import 'graphiql/graphiql.css';
import '../graphiql.css';
import { getToken, setToken } from './api';
import { EXAMPLES, NO_SEED_VALUES, SEED_VALUES_QUERY, seedValues, variablesOf } from './examples';

async function fetcher(params, opts) {
  const headers = { 'content-type': 'application/json', accept: 'application/json', ...(opts?.headers ?? {}) };
  const token = getToken();
  if (token && !Object.keys(headers).some((k) => k.toLowerCase() === 'authorization')) headers.authorization = `Bearer ${token}`;
  const res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(params) });
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return { errors: [{ message: `HTTP ${res.status}: ${text.slice(0, 300)}` }] };
  }
}

// the demo seed's computed values (a packet fingerprint, a match id), read once; placeholders until then
let seed = NO_SEED_VALUES;
const seedReady = fetcher({ query: SEED_VALUES_QUERY }).then(
  (r) => (seed = seedValues(r?.data)),
  () => seed,
);

function ExamplesPanel() {
  const editor = useEditorContext({ nonNull: true });
  const open = async (ex) => {
    await seedReady;
    editor.queryEditor?.setValue(ex.query);
    editor.variableEditor?.setValue(variablesOf(ex, seed));
  };
  return (
    <div className="examples">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p>Saved operations on the demo data. The first six are the API contract.</p>
      <ul>
        {EXAMPLES.map((ex) => (
          <li key={ex.title}>
            <button type="button" className="graphiql-un-styled example" onClick={() => open(ex)}>
              {ex.title}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

const examplesPlugin = {
  title: 'Examples',
  icon: () => (
    <span aria-hidden="true" style={{ fontWeight: 700 }}>
      Ex
    </span>
  ),
  content: ExamplesPanel,
};

function TokenBar() {
  const [saved, setSaved] = React.useState(!!getToken());
  const [value, setValue] = React.useState('');
  return (
    <form
      className="token-bar"
      onSubmit={(e) => {
        e.preventDefault();
        setToken(value.trim());
        setValue('');
        setSaved(!!value.trim());
      }}
    >
      <a href="/">← uflpa-trace</a>
      <label htmlFor="gq-token">API token</label>
      <input
        id="gq-token"
        type="password"
        value={value}
        autoComplete="off"
        placeholder="Bearer token, if the server needs one"
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit">Save</button>
      <button
        type="button"
        onClick={() => {
          setToken('');
          setSaved(false);
        }}
      >
        Clear
      </button>
      <span>{saved ? 'token set (sent as Authorization: Bearer …)' : 'no token'}</span>
    </form>
  );
}

function App() {
  return (
    <div className="gq-shell">
      <TokenBar />
      <div className="gq-main">
        <GraphiQL
          fetcher={fetcher}
          plugins={[examplesPlugin]}
          visiblePlugin={examplesPlugin}
          // GraphiQL opens the first tab with the query and variables props, not defaultTabs[0]'s variables
          query={EXAMPLES[0].query}
          variables={variablesOf(EXAMPLES[0], seed)}
          defaultTabs={EXAMPLES.slice(0, 6).map((ex) => ({ query: ex.query, variables: variablesOf(ex, seed) }))}
          defaultEditorToolsVisibility="variables"
          shouldPersistHeaders={false}
        />
      </div>
    </div>
  );
}

// the tabs take the seed values, so render once they are known (or known to be missing)
seedReady.then(() => createRoot(document.getElementById('graphiql')).render(<App />));
