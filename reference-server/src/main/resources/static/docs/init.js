// Renders /openapi.yaml; validatorUrl null keeps the page from calling the online validator.
window.ui = SwaggerUIBundle({
  url: '/openapi.yaml',
  dom_id: '#swagger-ui',
  validatorUrl: null,
  deepLinking: true
});
