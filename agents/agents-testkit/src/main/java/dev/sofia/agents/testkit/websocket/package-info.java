/** What the WebSocket fake servers share: server sockets that can be broken without a close frame. */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.testkit.websocket;
