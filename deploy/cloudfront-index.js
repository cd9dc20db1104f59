// CloudFront Function (viewer request) for the site on S3: every page is a folder with an
// index.html, which S3's REST endpoint does not look for. `/partners/` → `/partners/index.html`,
// and `/partners` (no slash) is redirected to `/partners/`, as other static hosts do.
function handler(event) {
  var request = event.request;
  // Leading slashes and backslashes become one `/` first: `//evil.example/x` would otherwise be
  // redirected to `//evil.example/x/`, which browsers read as another site's address (and they
  // read `\` as `/`, and drop tabs and newlines, in an address). Encoded forms (`/%2F%2F…`) stay
  // encoded and are paths on this site; if CloudFront ever decodes them, this catches them too.
  var uri = "/" + request.uri.replace(/^[\/\\\t\n\r]+/, "");
  if (uri.endsWith("/")) {
    request.uri = uri + "index.html";
  } else if (uri.split("/").pop().indexOf(".") === -1) {
    var qs = Object.keys(request.querystring || {}).map(function (k) {
      var v = request.querystring[k];
      return v.value === "" ? k : k + "=" + v.value;
    }).join("&");
    return { statusCode: 301, statusDescription: "Moved Permanently", headers: { location: { value: uri + "/" + (qs ? "?" + qs : "") } } };
  } else {
    request.uri = uri;
  }
  return request;
}
