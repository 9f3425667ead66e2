// Passkeys (WebAuthn): registration and sign-in ceremonies against /passkeys/*.
// Buttons carry data attributes; messages come from the page, so all text stays in
// messages_ja.properties.
(function () {
  'use strict';

  function toBase64Url(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function fromBase64Url(text) {
    var base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    while (base64.length % 4) base64 += '=';
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes.buffer;
  }

  function post(url, body) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) headers[header.content] = token.content;
    return fetch(url, { method: 'POST', headers: headers, credentials: 'same-origin',
      body: body ? JSON.stringify(body) : null })
      .then(function (response) {
        return response.json().then(function (json) {
          if (!response.ok) throw new Error(json && json.error ? json.error : 'HTTP ' + response.status);
          return json;
        });
      });
  }

  function showError(root, message) {
    var box = root.querySelector('[data-passkey-error]');
    if (!box) return;
    box.hidden = false;
    var text = box.querySelector('p') || box;
    text.textContent = message;
    box.focus();
  }

  function deviceName() {
    var ua = navigator.userAgent;
    if (/iPhone/.test(ua)) return 'iPhone';
    if (/iPad/.test(ua)) return 'iPad';
    if (/Android/.test(ua)) return 'Android';
    if (/Windows/.test(ua)) return 'Windows';
    if (/Mac OS X|Macintosh/.test(ua)) return 'Mac';
    if (/CrOS/.test(ua)) return 'Chromebook';
    if (/Linux/.test(ua)) return 'Linux';
    return '';
  }

  function register(root) {
    var labelInput = root.querySelector('[data-passkey-label]');
    var label = labelInput ? labelInput.value.trim() : deviceName();
    if (!label) {
      showError(root, root.getAttribute('data-label-required'));
      return;
    }
    post('/passkeys/register/options')
      .then(function (options) {
        options.user.id = fromBase64Url(options.user.id);
        options.challenge = fromBase64Url(options.challenge);
        options.excludeCredentials = (options.excludeCredentials || []).map(function (c) {
          return Object.assign({}, c, { id: fromBase64Url(c.id) });
        });
        return navigator.credentials.create({ publicKey: options });
      })
      .then(function (credential) {
        var response = credential.response;
        return post('/passkeys/register', { publicKey: { label: label, credential: {
          id: credential.id,
          rawId: toBase64Url(credential.rawId),
          type: credential.type,
          response: {
            attestationObject: toBase64Url(response.attestationObject),
            clientDataJSON: toBase64Url(response.clientDataJSON),
            transports: response.getTransports ? response.getTransports() : []
          },
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment
        } } });
      })
      .then(function () {
        var done = root.querySelector('form[data-passkey-done]');
        if (done) done.submit(); else window.location.reload();
      })
      .catch(function (error) {
        showError(root, error && error.name === 'NotAllowedError'
          ? root.getAttribute('data-cancelled') : (error.message || root.getAttribute('data-failed')));
      });
  }

  function signIn(root) {
    post('/passkeys/authenticate/options')
      .then(function (options) {
        options.challenge = fromBase64Url(options.challenge);
        options.allowCredentials = (options.allowCredentials || []).map(function (c) {
          return Object.assign({}, c, { id: fromBase64Url(c.id) });
        });
        return navigator.credentials.get({ publicKey: options });
      })
      .then(function (credential) {
        var response = credential.response;
        return post('/passkeys/authenticate', {
          id: credential.id,
          rawId: toBase64Url(credential.rawId),
          type: credential.type,
          response: {
            authenticatorData: toBase64Url(response.authenticatorData),
            clientDataJSON: toBase64Url(response.clientDataJSON),
            signature: toBase64Url(response.signature),
            userHandle: response.userHandle ? toBase64Url(response.userHandle) : null
          },
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment
        });
      })
      .then(function (result) { window.location.assign(result.redirectUrl || '/'); })
      .catch(function (error) {
        showError(root, error && error.name === 'NotAllowedError'
          ? root.getAttribute('data-cancelled') : (error.message || root.getAttribute('data-failed')));
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var supported = !!(window.PublicKeyCredential && navigator.credentials);
    document.querySelectorAll('[data-passkey]').forEach(function (root) {
      var button = root.querySelector('button[data-passkey-action]');
      if (!button) return;
      if (!supported) {
        showError(root, root.getAttribute('data-unsupported'));
        button.disabled = true;
        return;
      }
      var labelInput = root.querySelector('[data-passkey-label]');
      if (labelInput && !labelInput.value) labelInput.value = deviceName();
      button.hidden = false;
      button.addEventListener('click', function (event) {
        event.preventDefault();
        if (button.getAttribute('data-passkey-action') === 'register') register(root); else signIn(root);
      });
    });
  });
})();
