package dev.sofia.agents.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ToolSchemaTests {

    @Description("How urgent the visit is")
    enum Urgency {
        ROUTINE,
        PAIN,
        EMERGENCY
    }

    @Description("A postal address")
    record Address(
            String street,
            @Description("German postcode") String postcode,
            @Nullable String city) {}

    record Patient(String name, LocalDate birthday, Optional<Address> address, List<Address> previous) {}

    record Node(String name, List<Node> children) {}

    static class Calendar {
        @Tool("Finds free appointment slots")
        public String findFreeSlots(
                @Description("First day to look at") LocalDate from,
                LocalTime earliest,
                LocalDateTime notBefore,
                Instant deadline,
                Duration length,
                UUID practice,
                int days,
                double maxPrice,
                boolean morningOnly,
                char initial,
                Urgency urgency,
                List<String> treatments,
                Set<Integer> rooms,
                long[] ids,
                Map<String, Integer> counts,
                Optional<String> note,
                @Nullable String remark,
                ToolContext context) {
            return "none";
        }

        @Tool(value = "Registers a patient", name = "register", interruptible = false, afterPlayout = true)
        public void add(Patient patient) {}
    }

    private final List<FunctionTool> tools = Tools.from(new Calendar());

    @Test
    void toolsAreNamedInSnakeCaseUnlessNamedAndSorted() {
        assertThat(tools).extracting(FunctionTool::name).containsExactly("register", "find_free_slots");
        assertThat(Tools.snakeCase("findFreeSlots")).isEqualTo("find_free_slots");
        assertThat(Tools.snakeCase("end")).isEqualTo("end");
        FunctionTool register = tools.getFirst();
        assertThat(register.interruptible()).isFalse();
        assertThat(register.afterPlayout()).isTrue();
        assertThat(tools.getLast().interruptible()).isTrue();
        assertThat(tools.getLast().description()).isEqualTo("Finds free appointment slots");
    }

    @Test
    void scalarTypes() {
        JsonNode p = properties("find_free_slots");
        assertThat(p.get("days").get("type").asString()).isEqualTo("integer");
        assertThat(p.get("maxPrice").get("type").asString()).isEqualTo("number");
        assertThat(p.get("morningOnly").get("type").asString()).isEqualTo("boolean");
        assertThat(p.get("initial").get("type").asString()).isEqualTo("string");
        assertThat(p.get("urgency").get("enum"))
                .extracting(JsonNode::asString)
                .containsExactly("ROUTINE", "PAIN", "EMERGENCY");
        assertThat(p.get("urgency").get("description").asString()).isEqualTo("How urgent the visit is");
    }

    @Test
    void timeAndIdTypesAreFormattedStrings() {
        JsonNode p = properties("find_free_slots");
        assertThat(format(p, "from")).isEqualTo("date");
        assertThat(format(p, "earliest")).isEqualTo("time");
        assertThat(format(p, "notBefore")).isEqualTo("date-time");
        assertThat(format(p, "deadline")).isEqualTo("date-time");
        assertThat(format(p, "length")).isEqualTo("duration");
        assertThat(format(p, "practice")).isEqualTo("uuid");
        // The parameter's description comes first; the format hint is kept.
        assertThat(p.get("from").get("description").asString())
                .contains("First day to look at")
                .contains("YYYY-MM-DD");
        assertThat(p.get("earliest").get("description").asString()).contains("HH:MM");
    }

    @Test
    void collectionsAndMaps() {
        JsonNode p = properties("find_free_slots");
        assertThat(p.at("/treatments/type").asString()).isEqualTo("array");
        assertThat(p.at("/treatments/items/type").asString()).isEqualTo("string");
        assertThat(p.at("/rooms/items/type").asString()).isEqualTo("integer");
        assertThat(p.at("/ids/type").asString()).isEqualTo("array");
        assertThat(p.at("/ids/items/type").asString()).isEqualTo("integer");
        assertThat(p.at("/counts/type").asString()).isEqualTo("object");
        assertThat(p.at("/counts/additionalProperties/type").asString()).isEqualTo("integer");
    }

    @Test
    void optionalAndNullableAreNotRequiredAndTheContextIsNotShown() {
        JsonNode schema = tool("find_free_slots").parameters();
        assertThat(schema.get("type").asString()).isEqualTo("object");
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        assertThat(schema.get("properties").has("context")).isFalse();
        assertThat(schema.get("properties").get("note").get("type").asString()).isEqualTo("string");
        assertThat(schema.get("required"))
                .extracting(JsonNode::asString)
                .contains("from", "days", "urgency", "counts")
                .doesNotContain("note", "remark", "context");
    }

    @Test
    void nestedRecordsAreObjectsWithDescriptions() {
        JsonNode patient = properties("register").get("patient");
        assertThat(patient.get("type").asString()).isEqualTo("object");
        assertThat(patient.get("required"))
                .extracting(JsonNode::asString)
                .containsExactly("name", "birthday", "previous");
        JsonNode address = patient.at("/properties/address");
        assertThat(address.get("type").asString()).isEqualTo("object");
        assertThat(address.get("description").asString()).isEqualTo("A postal address");
        assertThat(address.at("/properties/postcode/description").asString()).isEqualTo("German postcode");
        assertThat(address.get("required")).extracting(JsonNode::asString).containsExactly("street", "postcode");
        assertThat(patient.at("/properties/previous/items/type").asString()).isEqualTo("object");
        assertThat(patient.at("/properties/previous/items/description").asString())
                .isEqualTo("A postal address");
    }

    @Test
    void duplicateNamesAreRejected() {
        Object again = new Object() {
            @Tool("Another")
            public String findFreeSlots() {
                return "";
            }
        };
        assertThatThrownBy(() -> Tools.from(new Calendar(), again))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("find_free_slots");
    }

    @Test
    void recursiveRecordsAndUnsupportedTypesAreRejected() {
        Object recursive = new Object() {
            @Tool("Tree")
            public String tree(Node root) {
                return "";
            }
        };
        assertThatThrownBy(() -> Tools.from(recursive)).hasMessageContaining("recursive");

        Object intKeys = new Object() {
            @Tool("Map")
            public String map(Map<Integer, String> byId) {
                return "";
            }
        };
        assertThatThrownBy(() -> Tools.from(intKeys)).hasMessageContaining("string keys");

        Object objects = new Object() {
            @Tool("Anything")
            public String any(Object value) {
                return "";
            }
        };
        assertThatThrownBy(() -> Tools.from(objects)).hasMessageContaining("no JSON schema");
    }

    @Test
    void staticToolMethodsAreRejected() {
        assertThatThrownBy(() -> Tools.from(new StaticTool())).hasMessageContaining("not static");
    }

    static class StaticTool {
        @Tool("Static")
        public static String hello() {
            return "";
        }
    }

    private FunctionTool tool(String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private JsonNode properties(String name) {
        return tool(name).parameters().get("properties");
    }

    private static String format(JsonNode properties, String name) {
        assertThat(properties.get(name).get("type").asString()).isEqualTo("string");
        return properties.get(name).get("format").asString();
    }
}
