package org.supportdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every special-purpose range a webhook may not send to, the edges of each, and the public space around them. */
class AddressesTests {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "0.0.0.0, wildcard",
        "0.1.2.3, reserved",
        "0.255.255.255, reserved",
        "10.0.0.1, private",
        "10.255.255.255, private",
        "100.64.0.1, private",
        "100.127.255.255, private",
        "127.0.0.1, loopback",
        "127.255.255.254, loopback",
        "169.254.169.254, link-local",
        "172.16.0.1, private",
        "172.31.255.255, private",
        "192.0.0.1, reserved",
        "192.0.0.255, reserved",
        "192.0.2.1, documentation",
        "192.88.99.1, reserved",
        "192.168.0.1, private",
        "198.18.0.1, benchmarking",
        "198.19.255.255, benchmarking",
        "198.51.100.7, documentation",
        "203.0.113.7, documentation",
        "224.0.0.1, multicast",
        "239.255.255.255, multicast",
        "240.0.0.1, reserved",
        "255.255.255.255, reserved",
        "::, wildcard",
        "::1, loopback",
        "fe80::1, link-local",
        "febf:ffff::1, link-local",
        "fc00::1, private",
        "fd12:3456::1, private",
        "ff02::1, multicast",
        "ff0e::1, multicast",
        "100::1, reserved",
        "100::ffff:ffff:ffff:ffff, reserved",
        "fec0::1, reserved",
        "64:ff9b:1::a00:1, reserved",
        "64:ff9b:1:ffff::1, reserved",
        "5f00::1, reserved",
        "2001::7f00:1, reserved",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2, reserved",
        "2001:2::1, reserved",
        "2001:1ff:ffff::1, reserved",
        "2001:db8::1, documentation",
        "2001:db8:ffff::1, documentation",
        "3fff::1, documentation",
        "::ffff:10.0.0.1, private",
        "::ffff:127.0.0.1, loopback",
        "::127.0.0.1, loopback",
        "64:ff9b::a9fe:a9fe, link-local",
        "64:ff9b::a00:1, private",
        "64:ff9b::7f00:1, loopback",
        "64:ff9b::c000:201, documentation",
        "2002:7f00:1::, loopback",
        "2002:a9fe:a9fe::, link-local",
        "2002:a00:1::1, private",
        "2002:c0a8:101:ffff::1, private",
        "2002:f000:1::, reserved"
    })
    void addressesOutsideThePublicInternetAreNamed(String address, String kind) {
        assertThat(Addresses.restricted(ip(address))).isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.0.0.1",
                "9.255.255.255",
                "11.0.0.1",
                "93.184.215.14",
                "100.63.255.255",
                "100.128.0.1",
                "126.255.255.255",
                "128.0.0.1",
                "169.253.255.255",
                "172.15.255.255",
                "172.32.0.1",
                "192.0.1.255",
                "192.0.3.0",
                "192.167.255.255",
                "192.169.0.1",
                "198.17.255.255",
                "198.20.0.1",
                "198.51.101.1",
                "203.0.114.1",
                "223.255.255.255",
                "2606:4700::1111",
                "2a00:1450:4001::200e",
                "2001:200::1",
                "2001:db9::1",
                "64:ff9b::5db8:d70e",
                "::ffff:93.184.215.14",
                "2002:5db8:d70e::1",
                "3fff:1000::1"
            })
    void publicAddressesPass(String address) {
        assertThat(Addresses.restricted(ip(address))).isNull();
    }
}
