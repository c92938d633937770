/*
 * SCP request signing in the browser, exactly as the spec's description defines it:
 *
 *   Scp-Signature = Base64(HMAC-SHA256(secretKey,
 *       METHOD + URL + Scp-Timestamp + Scp-Accesskey + accountId + Scp-ClientType))
 *
 * a plain concatenation, URL the full URL as sent, Scp-Timestamp epoch milliseconds in canonical
 * decimal form, accountId empty when not used, Scp-ClientType "Openapi". HMAC-SHA256 is Web
 * Crypto's (crypto.subtle), which browsers offer on https pages and on http://localhost and
 * http://127.0.0.1 only.
 *
 * Also reads, from a spec, which operation a request is for and whether the spec marks it signed
 * (its security, else the spec's, requires the apiKey scheme that carries Scp-Signature).
 *
 * Pure functions, no state: the console (init.js) keeps the key pair in its own memory. The
 * browser test (it-tests ApiConsoleBrowserIT) checks signature() against the project's signature
 * test vectors.
 *
 *   ScpSigning.headers({accessKey: 'test', secretKey: 'test', accountId: ''}, 'GET', url, Date.now())
 *       .then(function (headers) { ... });   // {Scp-Accesskey, Scp-Timestamp, Scp-ClientType, Scp-Signature}
 */
(function (global) {
  'use strict';

  var CLIENT_TYPE = 'Openapi';
  var HEADERS = Object.freeze({
    accessKey: 'Scp-Accesskey',
    timestamp: 'Scp-Timestamp',
    clientType: 'Scp-ClientType',
    accountId: 'Scp-AccountId',
    signature: 'Scp-Signature'
  });
  var encoder = new TextEncoder();

  /** Whether this page may use Web Crypto (a secure context: https, localhost, 127.0.0.1). */
  function available() {
    return !!(global.crypto && global.crypto.subtle);
  }

  function base64(bytes) {
    var binary = '';
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return global.btoa(binary);
  }

  /** A Promise of the Scp-Signature value for one request (clientType defaults to "Openapi"). */
  async function signature(secretKey, method, url, timestamp, accessKey, accountId, clientType) {
    if (!available()) {
      throw new Error('Web Crypto is not available in this page: open it over https, or at http://127.0.0.1 or http://localhost');
    }
    var key = await global.crypto.subtle.importKey('raw', encoder.encode(secretKey),
        { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    var stringToSign = method + url + timestamp + accessKey + (accountId || '')
        + (clientType === undefined ? CLIENT_TYPE : clientType);
    var mac = await global.crypto.subtle.sign('HMAC', key, encoder.encode(stringToSign));
    return base64(new Uint8Array(mac));
  }

  /**
   * A Promise of every signing header for a request sent to url at nowMillis, in the order the
   * toolkit's client sends them; Scp-AccountId only with an account id.
   */
  async function headers(credentials, method, url, nowMillis) {
    var timestamp = String(Math.floor(nowMillis));
    var accountId = credentials.accountId || '';
    var result = {};
    result[HEADERS.accessKey] = credentials.accessKey;
    result[HEADERS.timestamp] = timestamp;
    result[HEADERS.clientType] = CLIENT_TYPE;
    if (accountId) {
      result[HEADERS.accountId] = accountId;
    }
    result[HEADERS.signature] = await signature(credentials.secretKey, method.toUpperCase(), url, timestamp,
        credentials.accessKey, accountId);
    return result;
  }

  /** The URL exactly as fetch sends it: parsed and serialized as the browser does, without a fragment. */
  function urlAsSent(url, base) {
    var parsed = new URL(url, base);
    parsed.hash = '';
    return parsed.href;
  }

  /** Sets a header, replacing any header of the same name in another letter case. */
  function setHeader(headerMap, name, value) {
    Object.keys(headerMap).forEach(function (existing) {
      if (existing.toLowerCase() === name.toLowerCase()) {
        delete headerMap[existing];
      }
    });
    headerMap[name] = value;
  }

  function serverUrl(server) {
    return String(server.url).replace(/\{([^}]+)\}/g, function (whole, name) {
      var variable = server.variables && server.variables[name];
      return variable && variable['default'] !== undefined ? variable['default'] : whole;
    });
  }

  function templatePattern(template) {
    var source = template.split(/(\{[^}]+\})/).map(function (part) {
      return /^\{[^}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }).join('');
    return new RegExp('^' + source + '$');
  }

  function matchPath(spec, method, path) {
    var templates = Object.keys(spec.paths || {});
    // Concrete paths before templated ones, as OpenAPI matches them.
    var ordered = templates.filter(function (t) { return t.indexOf('{') < 0; })
        .concat(templates.filter(function (t) { return t.indexOf('{') >= 0; }));
    for (var i = 0; i < ordered.length; i++) {
      var item = spec.paths[ordered[i]];
      if (item && item[method] && templatePattern(ordered[i]).test(path)) {
        return { path: ordered[i], method: method, operation: item[method] };
      }
    }
    return null;
  }

  /**
   * The operation of spec (loaded from specUrl) that a request to the absolute url is for:
   * {path, method, operation}, or null when it is for none (another origin or path).
   */
  function operationFor(spec, specUrl, method, url) {
    var target = new URL(url);
    var servers = spec.servers && spec.servers.length ? spec.servers : [{ url: '/' }];
    for (var i = 0; i < servers.length; i++) {
      var base;
      try {
        base = new URL(serverUrl(servers[i]), specUrl);
      } catch (notAUrl) {
        continue;
      }
      if (base.origin !== target.origin) {
        continue;
      }
      var prefix = base.pathname.replace(/\/+$/, '');
      if (prefix && target.pathname !== prefix && target.pathname.indexOf(prefix + '/') !== 0) {
        continue;
      }
      var found = matchPath(spec, method.toLowerCase(), target.pathname.substring(prefix.length) || '/');
      if (found) {
        return found;
      }
    }
    return null;
  }

  /** Whether a security scheme is the one that carries Scp-Signature. */
  function isSignatureScheme(scheme) {
    return !!scheme && scheme.type === 'apiKey' && scheme['in'] === 'header'
        && String(scheme.name).toLowerCase() === HEADERS.signature.toLowerCase();
  }

  /** Whether spec marks operation signed: its security (else the spec's) requires the signature scheme. */
  function isSigned(spec, operation) {
    var security = operation.security !== undefined ? operation.security : spec.security;
    var schemes = (spec.components && spec.components.securitySchemes) || {};
    return Array.isArray(security) && security.some(function (requirement) {
      return Object.keys(requirement || {}).some(function (name) {
        return isSignatureScheme(schemes[name]);
      });
    });
  }

  /**
   * The names of the security schemes that are signed for together with the signature scheme
   * (those in a security requirement that names it, anywhere in spec): the signing form sets them all.
   */
  function signingSchemeNames(spec) {
    var schemes = (spec.components && spec.components.securitySchemes) || {};
    var requirements = [].concat(spec.security || []);
    Object.keys(spec.paths || {}).forEach(function (path) {
      var item = spec.paths[path] || {};
      Object.keys(item).forEach(function (method) {
        if (item[method] && Array.isArray(item[method].security)) {
          requirements = requirements.concat(item[method].security);
        }
      });
    });
    var names = [];
    requirements.forEach(function (requirement) {
      var keys = Object.keys(requirement || {});
      if (keys.some(function (name) { return isSignatureScheme(schemes[name]); })) {
        keys.forEach(function (name) {
          if (names.indexOf(name) < 0) {
            names.push(name);
          }
        });
      }
    });
    return names;
  }

  global.ScpSigning = Object.freeze({
    CLIENT_TYPE: CLIENT_TYPE,
    HEADERS: HEADERS,
    available: available,
    signature: signature,
    headers: headers,
    urlAsSent: urlAsSent,
    setHeader: setHeader,
    operationFor: operationFor,
    isSignatureScheme: isSignatureScheme,
    isSigned: isSigned,
    signingSchemeNames: signingSchemeNames
  });
})(window);
