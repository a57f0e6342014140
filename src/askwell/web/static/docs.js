// Start Swagger UI on /openapi.json; same-origin requests carry the launch cookie, we add CSRF.
window.addEventListener("load", function () {
  var meta = document.querySelector('meta[name="csrf-token"]');
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    requestInterceptor: function (req) {
      if (meta) { req.headers["X-CSRF-Token"] = meta.getAttribute("content"); }
      return req;
    },
  });
});
