/*
 * The emulator's API console: Swagger UI (from its WebJar) over /openapi-console.json, the spec
 * with this emulator as first server and a drop-down of versions (ConsoleSpec). validatorUrl null
 * keeps the page from calling the online validator: every request stays on this origin.
 *
 * Authorize: the dialog of the signature scheme is replaced by a form that takes an access key, a
 * secret key and an optional account id (the demo tenants of /docs/demo-tenants.json offered).
 * The key pair is kept in this script's memory only (never a URL, a cookie or web storage, never
 * sent); Swagger UI's own state gets placeholders, so its lock icons show "authorized" and the
 * request it shows (showMutatedRequest: false) carries no signature. Each request to an operation
 * the loaded spec marks signed is signed just before it is sent (requestInterceptor, scp-signing.js).
 */
(function () {
  'use strict';

  var DEMO_TENANTS = '/docs/demo-tenants.json';
  var SPEC = '/openapi-console.json';

  /** {accessKey, secretKey, accountId} after Authorize, null before and after Logout. */
  var credentials = null;
  /** Swagger UI's system, once loaded. */
  var loaded = null;

  var demoTenants = fetch(DEMO_TENANTS, { credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (list) { return Array.isArray(list) ? list : []; })
      .catch(function () { return []; });

  /** What Swagger UI's state holds for each signing header after Authorize: never a secret. */
  function placeholder(headerName) {
    switch (String(headerName).toLowerCase()) {
      case ScpSigning.HEADERS.accessKey.toLowerCase(): return credentials.accessKey;
      case ScpSigning.HEADERS.clientType.toLowerCase(): return ScpSigning.CLIENT_TYPE;
      case ScpSigning.HEADERS.timestamp.toLowerCase(): return '<set when sent>';
      case ScpSigning.HEADERS.signature.toLowerCase(): return '<signed in this page when sent>';
      default: return null;
    }
  }

  /** The names of the schemes the signing form stands for (the signature scheme and its companions). */
  function signingSchemes(specSelectors) {
    return ScpSigning.signingSchemeNames(specSelectors.specJson().toJS());
  }

  function holdsSignatureScheme(definitions) {
    return definitions.some(function (scheme) {
      return ScpSigning.isSignatureScheme(scheme && scheme.toJS ? scheme.toJS() : scheme);
    });
  }

  function tenantLabel(tenant) {
    return tenant.accessKey + ' \u00b7 project ' + String(tenant.accountId || '').substring(0, 8) + '\u2026 \u00b7 '
        + (tenant.actions || []).join(', ');
  }

  function ScpConsolePlugin(system) {
    var React = system.React;
    var h = React.createElement;

    function fieldsOf(tenant) {
      return tenant ? { tenant: tenant.index, accessKey: tenant.accessKey, secretKey: tenant.secretKey,
        accountId: tenant.accountId || '' } : { tenant: '', accessKey: '', secretKey: '', accountId: '' };
    }

    function SigningForm(props) {
      var tenantsState = React.useState([]);
      var tenants = tenantsState[0];
      var setTenants = tenantsState[1];
      var fieldsState = React.useState(fieldsOf(null));
      var fields = fieldsState[0];
      var setFields = fieldsState[1];
      var errorState = React.useState(ScpSigning.available() ? null
          : 'This browser offers Web Crypto only on https pages and on http://127.0.0.1 or http://localhost: '
            + 'open the console there to sign requests.');
      var error = errorState[0];
      var setError = errorState[1];

      React.useEffect(function () {
        var live = true;
        demoTenants.then(function (list) {
          if (!live) {
            return;
          }
          var indexed = list.map(function (tenant, i) { return Object.assign({ index: String(i) }, tenant); });
          setTenants(indexed);
          setFields(function (current) {
            return current.accessKey || current.secretKey ? current : fieldsOf(indexed[0]);
          });
        });
        return function () { live = false; };
      }, []);

      function close() {
        props.authActions.showDefinitions(false);
      }

      function edit(name) {
        return function (event) {
          var value = event.target.value;
          setFields(function (current) {
            var next = Object.assign({}, current, { tenant: '' });
            next[name] = value;
            return next;
          });
        };
      }

      function chooseTenant(event) {
        var chosen = tenants.filter(function (t) { return t.index === event.target.value; })[0];
        setFields(fieldsOf(chosen));
      }

      function authorize() {
        var accessKey = fields.accessKey.trim();
        if (!ScpSigning.available()) {
          return;
        }
        if (!accessKey || !fields.secretKey) {
          setError('An access key and a secret key are needed to sign requests.');
          return;
        }
        credentials = Object.freeze({ accessKey: accessKey, secretKey: fields.secretKey,
          accountId: fields.accountId.trim() });
        var payload = {};
        var names = signingSchemes(props.specSelectors);
        props.specSelectors.securityDefinitions().forEach(function (scheme, name) {
          var value = names.indexOf(name) >= 0 ? placeholder(scheme.get('name')) : null;
          if (value !== null) {
            payload[name] = { name: name, schema: scheme, value: value };
          }
        });
        props.authActions.authorize(payload);
        close();
      }

      function logout() {
        credentials = null;
        props.authActions.logout(signingSchemes(props.specSelectors));
        setFields(fieldsOf(tenants[0]));
      }

      function onEnter(event) {
        if (event.key === 'Enter') {
          event.preventDefault();
          authorize();
        }
      }

      function row(id, label, input) {
        return h('div', { className: 'scp-row' }, h('label', { htmlFor: id }, label), input);
      }

      var intro = h('p', null, 'Requests to signed operations are signed in this page (HMAC-SHA256 with Web Crypto), '
          + 'fresh for each request: Scp-Accesskey, Scp-Timestamp, Scp-ClientType, Scp-Signature and, with an '
          + 'account id, Scp-AccountId. The secret key stays in this page\'s memory: it is never sent, stored '
          + 'or put in a URL, and reloading the page forgets it.');
      var body;
      var buttons;
      if (credentials) {
        body = h('p', { id: 'scp-signing-as' }, 'Signing as access key ', h('code', null, credentials.accessKey),
            credentials.accountId ? [' for account ', h('code', { key: 'a' }, credentials.accountId)] : ' (no account id)', '.');
        buttons = [h('button', { key: 'logout', id: 'scp-logout', type: 'button', className: 'btn modal-btn auth',
          onClick: logout }, 'Logout')];
      } else {
        body = h('div', { className: 'scp-fields' },
            tenants.length ? row('scp-tenant', 'Demo tenant',
                h('select', { id: 'scp-tenant', value: fields.tenant, onChange: chooseTenant },
                    tenants.map(function (t) { return h('option', { key: t.index, value: t.index }, tenantLabel(t)); })
                        .concat([h('option', { key: 'own', value: '' }, 'your own keys')]))) : null,
            row('scp-access-key', 'Access key', h('input', { id: 'scp-access-key', type: 'text', autoComplete: 'off',
              spellCheck: false, value: fields.accessKey, onChange: edit('accessKey'), onKeyDown: onEnter })),
            row('scp-secret-key', 'Secret key', h('input', { id: 'scp-secret-key', type: 'password',
              autoComplete: 'off', value: fields.secretKey, onChange: edit('secretKey'), onKeyDown: onEnter })),
            row('scp-account-id', 'Account id (optional)', h('input', { id: 'scp-account-id', type: 'text',
              autoComplete: 'off', spellCheck: false, placeholder: '32 lower-case hex characters',
              value: fields.accountId, onChange: edit('accountId'), onKeyDown: onEnter })),
            tenants.length ? h('p', { className: 'scp-note' }, 'The demo tenants are the emulator\'s public demo key '
                + 'pairs: never use them for anything real.') : null);
        buttons = [h('button', { key: 'authorize', id: 'scp-authorize', type: 'button',
          className: 'btn modal-btn auth authorize', disabled: !ScpSigning.available(), onClick: authorize }, 'Authorize')];
      }
      return h('div', { className: 'auth-container scp-signing' },
          h('h4', null, 'SCP request signing'),
          intro,
          body,
          error ? h('div', { className: 'scp-error', role: 'alert' }, error) : null,
          h('div', { className: 'auth-btn-wrapper' }, buttons.concat([h('button', { key: 'close', type: 'button',
            className: 'btn modal-btn auth btn-done', onClick: close }, 'Close')])));
    }

    return {
      afterLoad: function (system) {
        loaded = system;
      },
      wrapComponents: {
        // The popup shows one group of schemes at a time: the group with the signature scheme
        // becomes the signing form, its companion schemes (set by the form) are not shown.
        auths: function (Original, wrapped) {
          return function (props) {
            if (holdsSignatureScheme(props.definitions)) {
              return h(SigningForm, props);
            }
            var names = signingSchemes(wrapped.specSelectors);
            var companionsOnly = props.definitions.every(function (scheme, name) { return names.indexOf(name) >= 0; });
            return companionsOnly ? null : h(Original, props);
          };
        }
      }
    };
  }

  /**
   * Signs a request to an operation the loaded spec marks signed; leaves every other request (the
   * spec's own, the versions document) as it is.
   */
  async function sign(request) {
    if (!credentials || !loaded) {
      return request;
    }
    request.url = ScpSigning.urlAsSent(request.url, document.baseURI);
    var spec = loaded.specSelectors.specJson().toJS();
    var specUrl = new URL(loaded.specSelectors.url() || SPEC, document.baseURI).href;
    var target = ScpSigning.operationFor(spec, specUrl, request.method, request.url);
    if (!target || !ScpSigning.isSigned(spec, target.operation)) {
      return request;
    }
    var signed = await ScpSigning.headers(credentials, request.method, request.url, Date.now());
    Object.keys(signed).forEach(function (name) {
      ScpSigning.setHeader(request.headers, name, signed[name]);
    });
    return request;
  }

  window.ui = SwaggerUIBundle({
    url: SPEC,
    dom_id: '#swagger-ui',
    validatorUrl: null,
    deepLinking: true,
    tryItOutEnabled: true,
    displayRequestDuration: true,
    persistAuthorization: false,
    showMutatedRequest: false,
    plugins: [ScpConsolePlugin],
    requestInterceptor: sign
  });
})();
