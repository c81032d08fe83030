/** The webrtc plugin (being built; see the module description). */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.webrtc;
