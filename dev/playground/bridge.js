// Stands in for google.script.run inside the local playground: each server call becomes a POST
// to /rpc, answered by the local Apps Script runtime with the same entry points Google would call.
(function () {
  function runner(state) {
    var base = {
      withSuccessHandler: function (handler) {
        return runner(Object.assign({}, state, { success: handler }));
      },
      withFailureHandler: function (handler) {
        return runner(Object.assign({}, state, { failure: handler }));
      },
      withUserObject: function (value) {
        return runner(Object.assign({}, state, { user: value }));
      },
    };
    return new Proxy(base, {
      get: function (target, name) {
        if (name in target) return target[name];
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/rpc', { method: 'POST', body: JSON.stringify({ name: name, args: args }) })
            .then(function (response) {
              return response.json();
            })
            .then(function (answer) {
              window.parent.postMessage('workbook-changed', '*');
              if (answer.error) {
                if (state.failure) state.failure(new Error(answer.error), state.user);
              } else if (state.success) state.success(answer.value, state.user);
            });
        };
      },
    });
  }
  window.google = { script: { run: runner({}) } };
})();
