module consumer.app {
    requires dev.smtpexplain.swing;
}
