/**
 * Reading the body of a signed request, shared by every webhook: exactly one JSON value, text that is
 * valid Unicode, language tags and the text-length limit.
 */
package org.vigil.request;
