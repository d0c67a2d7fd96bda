package io.ecap.platform.streaming.notify;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Properties;

/** E-mail through an SMTP server (Jakarta Mail). A refused address is permanent; anything else may pass later. */
public final class EmailSink implements NotificationSink {

  private final Session session;
  private final String from;

  public EmailSink(NotificationSettings.SmtpSettings smtp) {
    Properties p = new Properties();
    p.put("mail.smtp.host", smtp.host());
    p.put("mail.smtp.port", Integer.toString(smtp.port()));
    p.put("mail.smtp.connectiontimeout", "2000");
    p.put("mail.smtp.timeout", "5000");
    p.put("mail.smtp.writetimeout", "5000");
    Authenticator auth = null;
    if (smtp.username() != null) {
      p.put("mail.smtp.auth", "true");
      auth = new Authenticator() {
        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
          return new PasswordAuthentication(smtp.username(), smtp.password());
        }
      };
    }
    this.session = Session.getInstance(p, auth);
    this.from = smtp.from();
  }

  @Override
  public Notification.Channel channel() {
    return Notification.Channel.EMAIL;
  }

  @Override
  public void deliver(Notification n) throws DeliveryFailure {
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(from));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(n.recipient()));
      message.setSubject(String.format(Locale.ROOT, "Fraud alert: order %s scored %.2f (%s)", n.alert().orderId(),
          n.alert().score(), n.alert().decision()));
      message.setHeader("X-Idempotency-Key", n.idempotencyKey());
      message.setText(String.format(Locale.ROOT,
          "Order %s of customer %s, %d %s minor units.%nScore %.3f by model %s: %s.%nReasons: %s%nDecided at %s%n",
          n.alert().orderId(), n.alert().customerId(), n.alert().amountCents(), n.alert().currency(), n.alert().score(),
          n.alert().modelVersion(), n.alert().decision(), String.join(", ", n.alert().reasons()),
          n.alert().decidedAt()));
      Transport.send(message);
    } catch (SendFailedException e) {
      throw new DeliveryFailure("mail to " + n.recipient() + " refused: " + e.getMessage(), false, e);
    } catch (MessagingException e) {
      throw new DeliveryFailure("mail to " + n.recipient() + " failed: " + e.getMessage(), true, e);
    }
  }
}
